// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One query of a benchmark file: a `-- Qnn [tags]: description` header, then SQL ending with `;`
/// (the format of `../shared/bench/queries.sql`).
record BenchQuery(String id, String tags, String description, String sql) {
  private static final Pattern HEADER = Pattern.compile("^--\\s*(Q\\w+)\\s*(?:\\[([^\\]]*)])?\\s*:?\\s*(.*)$");

  static List<BenchQuery> parse(Path file) throws IOException {
    List<BenchQuery> queries = new ArrayList<>();
    Matcher header = null;
    StringBuilder sql = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String text = line.strip();
      Matcher match = HEADER.matcher(text);
      if (match.matches() && sql.isEmpty()) {
        header = match;
        continue;
      }
      if (text.startsWith("--") || text.isEmpty()) {
        continue;
      }
      sql.append(sql.isEmpty() ? "" : " ").append(text);
      if (text.endsWith(";") && header != null) {
        String statement = sql.substring(0, sql.length() - 1).strip();
        queries.add(new BenchQuery(header.group(1), header.group(2) == null ? "" : header.group(2),
            header.group(3), statement));
        sql.setLength(0);
        header = null;
      }
    }
    return queries;
  }
}
