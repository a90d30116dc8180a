// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import java.util.regex.Pattern;

/// Translates SQL LIKE patterns into Java regular expressions matched against the whole value: `%` is any
/// sequence, `_` any one character, `\` makes the next character literal. Matching is case-sensitive, as
/// in Pinot. Thread-safe (no state).
public final class LikePatterns {
  private LikePatterns() {
  }

  public static Pattern compile(String likePattern) {
    StringBuilder regex = new StringBuilder(likePattern.length() + 8);
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < likePattern.length(); i++) {
      char c = likePattern.charAt(i);
      if (c == '\\' && i + 1 < likePattern.length()) {
        literal.append(likePattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        flush(regex, literal);
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(regex, literal);
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
