// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static java.util.Objects.requireNonNull;

import io.pinot.query.context.QueryContext;
import io.pinot.query.context.TableColumns;
import io.pinot.query.sql.ColumnResolver;
import io.pinot.query.timestamp.DateTruncRewrite;
import io.pinot.spi.data.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A parsed and compiled query: the table as written in FROM (a raw name or one with `_OFFLINE` /
/// `_REALTIME`), the query options (from `SET` and `OPTION(...)`, keys in Pinot's spelling) and the
/// [QueryContext]. [#resolve(Schema)] returns the query with column names resolved against a schema.
/// Immutable and thread-safe.
///
/// @param sql the SQL text as received
/// @param columns the columns the query was resolved against, or null before [#resolve]
/// @param cacheable whether the compiled form may be reused for the same SQL text (false when it folded a
///     non-deterministic function such as `now()`)
public record CompiledQuery(String sql, Map<String, String> queryOptions, QueryContext context,
                            @Nullable TableColumns columns, boolean cacheable) {

  public CompiledQuery {
    requireNonNull(sql, "sql is null");
    queryOptions = QueryOptions.canonicalize(requireNonNull(queryOptions, "queryOptions is null"));
    requireNonNull(context, "context is null");
  }

  /// The table name as written in FROM.
  public String tableName() {
    return context.tableName();
  }

  /// Whether column names were resolved against a schema.
  public boolean isResolved() {
    return columns != null;
  }

  /// The `timeoutMs` option, or null when absent.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION when it is not a positive integer
  public @Nullable Long timeoutMs() {
    return QueryOptions.positiveLong(queryOptions, QueryOptions.TIMEOUT_MS);
  }

  /// The query with its column names rewritten to the schema's (matched case-insensitively).
  ///
  /// @throws io.pinot.spi.exception.QueryException UNKNOWN_COLUMN (710) for a column the schema lacks,
  ///     QUERY_VALIDATION (700) for a column of the wrong kind (SUM of a STRING column...)
  public CompiledQuery resolve(Schema schema) {
    return resolve(TableColumns.of(schema));
  }

  /// The query with its column names resolved against the given columns.
  public CompiledQuery resolve(TableColumns tableColumns) {
    // DATETRUNC(unit, ts) becomes a virtual column, answered by timestamp indexes (as servers rewrite it).
    DateTruncRewrite rewrite = DateTruncRewrite.of(ColumnResolver.resolve(context, tableColumns), tableColumns);
    return new CompiledQuery(sql, queryOptions, rewrite.query(), rewrite.columns(), cacheable);
  }

  /// The same query with other options (for example the broker's request options merged in).
  public CompiledQuery withOptions(Map<String, String> options) {
    return new CompiledQuery(sql, options, context, columns, cacheable);
  }
}
