// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import io.pinot.query.context.QueryContext;
import io.pinot.query.sql.ParsedSql;
import io.pinot.query.sql.QueryCompiler;
import io.pinot.query.sql.SqlParsing;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.LinkedHashMap;
import java.util.Map;

/// The entry point of SQL compilation for brokers (servers use it too): parses the text with Calcite,
/// collects `SET` / `OPTION(...)` query options and compiles the single-stage query.
///
/// Errors are [QueryException]s carrying Pinot's codes: SQL_PARSING (150) for text that does not parse or
/// fails Pinot's compile-time checks, QUERY_PLANNING (720) for SQL the engine does not run yet,
/// QUERY_VALIDATION (700) for invalid option values, INTERNAL (450) for `useMultistageEngine=true` (as a Pinot
/// broker without the multi-stage engine answers). Stateless and thread-safe.
public final class BrokerQueryCompiler {

  /// Compiles a query.
  public CompiledQuery compile(String sql) {
    return compile(sql, Map.of());
  }

  /// Compiles a query; `requestOptions` (from the request JSON's `queryOptions`) are overridden by options
  /// written in the SQL.
  public CompiledQuery compile(String sql, Map<String, String> requestOptions) {
    ParsedSql parsed = SqlParsing.parse(sql);
    Map<String, String> options = new LinkedHashMap<>(QueryOptions.canonicalize(requestOptions));
    options.putAll(QueryOptions.canonicalize(parsed.options()));
    // Before compiling: a multi-stage query (joins...) would otherwise fail with a less helpful parse error.
    QueryOptions.rejectMultistage(options);
    QueryOptions.validate(options);
    QueryContext context;
    try {
      context = QueryCompiler.compile(parsed.statement());
    } catch (QueryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw QueryErrorCode.SQL_PARSING.asException(String.valueOf(e.getMessage()), e);
    }
    if (QueryOptions.isTrue(options, QueryOptions.ENABLE_NULL_HANDLING)) {
      context = context.toBuilder().nullHandlingEnabled(true).build();
    }
    return new CompiledQuery(sql, options, context, null, QueryCompiler.isCacheable(parsed.statement()));
  }
}
