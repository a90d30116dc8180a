// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/// A bounded least-recently-used cache of compiled queries by SQL text and request options (compilation errors and
/// queries folding `now()` are not cached), used by servers and brokers so that a repeated query is not parsed again.
/// Thread-safe: lookups and insertions synchronize on the cache; compilation runs outside the lock, so two threads
/// may compile the same text once each.
public final class CompiledQueryCache {
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final int maxSize;
  private final Map<String, CompiledQuery> entries;

  /// A cache of at most `maxSize` queries (0 disables it).
  public CompiledQueryCache(int maxSize) {
    this.maxSize = maxSize;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CompiledQuery> eldest) {
        return size() > CompiledQueryCache.this.maxSize;
      }
    };
  }

  /// The compiled query of a SQL text.
  ///
  /// @throws io.pinot.spi.exception.QueryException when the text does not compile
  public CompiledQuery get(String sql) {
    return get(sql, Map.of());
  }

  /// The compiled query of a SQL text with the request's `queryOptions` (see [BrokerQueryCompiler#compile]).
  ///
  /// @throws io.pinot.spi.exception.QueryException when the text does not compile
  public CompiledQuery get(String sql, Map<String, String> requestOptions) {
    String key = requestOptions.isEmpty() ? sql : sql + '\u0000' + new TreeMap<>(requestOptions);
    synchronized (entries) {
      CompiledQuery cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    CompiledQuery compiled = compiler.compile(sql, requestOptions);
    if (maxSize > 0 && compiled.cacheable()) {
      synchronized (entries) {
        entries.put(key, compiled);
      }
    }
    return compiled;
  }
}
