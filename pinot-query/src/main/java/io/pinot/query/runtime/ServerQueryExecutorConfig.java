// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

/// Settings of a server's query executor, with Pinot's defaults. Immutable.
///
/// @param numGroupsLimit most groups per segment (`pinot.server.query.executor.num.groups.limit`, 100,000)
/// @param maxExecutionThreads most threads one query uses (the `maxExecutionThreads` option can lower it)
/// @param minServerGroupTrimSize fewest groups a server keeps after ORDER BY trimming (5,000)
/// @param compiledQueryCacheSize how many compiled SQL texts are cached (0 disables the cache)
public record ServerQueryExecutorConfig(int numGroupsLimit, int maxExecutionThreads, int minServerGroupTrimSize,
                                        int compiledQueryCacheSize) {
  public ServerQueryExecutorConfig {
    if (numGroupsLimit <= 0 || maxExecutionThreads <= 0 || minServerGroupTrimSize <= 0
        || compiledQueryCacheSize < 0) {
      throw new IllegalArgumentException("Query executor limits must be positive");
    }
  }

  /// Pinot's defaults, with one thread per available core.
  public static ServerQueryExecutorConfig defaults() {
    return new ServerQueryExecutorConfig(100_000, Math.max(1, Runtime.getRuntime().availableProcessors()), 5_000,
        1_000);
  }

  public ServerQueryExecutorConfig withNumGroupsLimit(int limit) {
    return new ServerQueryExecutorConfig(limit, maxExecutionThreads, minServerGroupTrimSize, compiledQueryCacheSize);
  }

  public ServerQueryExecutorConfig withMaxExecutionThreads(int threads) {
    return new ServerQueryExecutorConfig(numGroupsLimit, threads, minServerGroupTrimSize, compiledQueryCacheSize);
  }
}
