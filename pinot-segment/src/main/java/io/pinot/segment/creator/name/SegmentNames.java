// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/// Helpers shared by the segment name generators. Stateless utilities.
public final class SegmentNames {
  /// Characters Pinot forbids in segment names (they break paths and URLs).
  private static final String FORBIDDEN = "\\/:*?\"<>|";

  private SegmentNames() {
  }

  /// Checks a whole or partial segment name.
  ///
  /// @throws IllegalArgumentException when the name is empty, `.` or `..`, or contains one of `\ / : * ? " < > |`
  public static String validate(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("Invalid partial or full segment name: '" + name + "'");
    }
    for (int i = 0; i < name.length(); i++) {
      if (FORBIDDEN.indexOf(name.charAt(i)) >= 0) {
        throw new IllegalArgumentException("Invalid partial or full segment name: " + name);
      }
    }
    return name;
  }

  /// Joins the non-null parts with '_' (Pinot's `Joiner.on('_').skipNulls()`).
  static String join(@Nullable Object... parts) {
    StringJoiner joiner = new StringJoiner("_");
    for (Object part : parts) {
      if (part != null) {
        joiner.add(part.toString());
      }
    }
    return joiner.toString();
  }
}
