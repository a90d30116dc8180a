// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/// A bounded least-recently-used cache of compiled queries by SQL text (compilation errors and queries
/// folding `now()` are not cached). Thread-safe: lookups and insertions synchronize on the cache;
/// compilation runs outside the lock, so two threads may compile the same text once each.
final class CompiledQueryCache {
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final int maxSize;
  private final Map<String, CompiledQuery> entries;

  CompiledQueryCache(int maxSize) {
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
  CompiledQuery get(String sql) {
    synchronized (entries) {
      CompiledQuery cached = entries.get(sql);
      if (cached != null) {
        return cached;
      }
    }
    CompiledQuery compiled = compiler.compile(sql);
    if (maxSize > 0 && compiled.cacheable()) {
      synchronized (entries) {
        entries.put(sql, compiled);
      }
    }
    return compiled;
  }
}
