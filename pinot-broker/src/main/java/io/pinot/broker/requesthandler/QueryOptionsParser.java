// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.spi.exception.QueryErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Parses the `queryOptions` string of a query request: `key=value` pairs separated by `;` (Pinot's
/// format, e.g. `timeoutMs=5000;enableNullHandling=true`). Blank entries are ignored.
final class QueryOptionsParser {
  private QueryOptionsParser() {
  }

  static Map<String, String> parse(@Nullable String queryOptions) {
    Map<String, String> options = new LinkedHashMap<>();
    if (queryOptions == null || queryOptions.isBlank()) {
      return options;
    }
    for (String entry : queryOptions.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw QueryErrorCode.JSON_PARSING.asException("Invalid query option[" + entry.trim()
            + "]: expected key=value pairs separated by ';'");
      }
      options.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
    }
    return options;
  }
}
