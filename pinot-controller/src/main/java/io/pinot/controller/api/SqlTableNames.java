// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The table names a SQL text reads (`FROM t`, `JOIN t`), found without a full parse so that the controller can
/// pick a broker serving them; the broker does the real parse and reports errors. `SET k = v;` statements, comments
/// and string literals are skipped. Names are returned as written, without quotes and without a database prefix.
final class SqlTableNames {
  private static final Pattern COMMENTS_AND_STRINGS =
      Pattern.compile("--[^\\n]*|/\\*.*?\\*/|'(?:[^']|'')*'", Pattern.DOTALL);
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:FROM|JOIN)\\s+(?:\"([^\"]+)\"|`([^`]+)`|([A-Za-z_][A-Za-z0-9_.\\-]*))", Pattern.CASE_INSENSITIVE);

  private SqlTableNames() {
  }

  static Set<String> of(String sql) {
    String text = COMMENTS_AND_STRINGS.matcher(sql).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = TABLE.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1)
          : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      int dot = name.lastIndexOf('.');
      names.add(dot >= 0 ? name.substring(dot + 1) : name);
    }
    return names;
  }

  /// A table name without its `_OFFLINE` / `_REALTIME` suffix, lower-cased, for matching.
  static String rawKey(String tableName) {
    String lower = tableName.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {"_offline", "_realtime"}) {
      if (lower.endsWith(suffix)) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    return lower;
  }
}
