// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/// A parsed SQL text: the one query statement and the options of its `SET k = v;` prefixes and legacy
/// `OPTION(k=v, ...)` suffix (option keys as written; later statements win).
public record ParsedSql(SqlNode statement, Map<String, String> options) {
  public ParsedSql {
    requireNonNull(statement, "statement is null");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
