// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.queryquota;

import io.pinot.spi.config.table.TableConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's per-table query quota on a broker: a table config's `quota.maxQueriesPerSecond` is the rate for the
/// whole cluster, split evenly over the brokers the `brokerResource` external view shows ONLINE for the table (this
/// broker always counted once), as Pinot's `HelixExternalViewBasedQueryQuotaManager` does. The limit follows table
/// config changes and brokers joining or leaving; a table without the setting is unlimited. Thread-safe: updates
/// replace a table's limiter, queries read it lock-free.
public final class QueryQuotaManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(QueryQuotaManager.class);

  private final LongSupplier nanoClock;
  private final Map<String, TableQuota> quotas = new ConcurrentHashMap<>();

  /// A table's quota: the configured cluster-wide rate, the broker count it was split over, and the limiter.
  private record TableQuota(double overallRate, int numOnlineBrokers, QpsRateLimiter limiter) {
  }

  public QueryQuotaManager() {
    this(System::nanoTime);
  }

  QueryQuotaManager(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /// Sets a table half's quota from its config and the number of ONLINE brokers serving it. The limiter is kept
  /// (with its current burst) when neither changed.
  public void update(String tableNameWithType, TableConfig config, int numOnlineBrokers) {
    Double overall = maxQueriesPerSecond(config);
    if (overall == null) {
      if (quotas.remove(tableNameWithType) != null) {
        LOGGER.info("Query quota of table {} removed", tableNameWithType);
      }
      return;
    }
    int brokers = Math.max(1, numOnlineBrokers);
    TableQuota current = quotas.get(tableNameWithType);
    if (current != null && current.overallRate() == overall && current.numOnlineBrokers() == brokers) {
      return;
    }
    double perBroker = overall / brokers;
    quotas.put(tableNameWithType, new TableQuota(overall, brokers, new QpsRateLimiter(perBroker, nanoClock)));
    LOGGER.info("Query quota of table {}: {} queries/s overall, {} per broker over {} online brokers",
        tableNameWithType, overall, perBroker, brokers);
  }

  public void remove(String tableNameWithType) {
    quotas.remove(tableNameWithType);
  }

  /// Takes one query's permit of a table half; true when the table has no quota or a permit is available.
  public boolean acquire(String tableNameWithType) {
    TableQuota quota = quotas.get(tableNameWithType);
    return quota == null || quota.limiter().tryAcquire();
  }

  /// This broker's share of a table half's quota in queries per second, or null when it has none.
  public @Nullable Double perBrokerRate(String tableNameWithType) {
    TableQuota quota = quotas.get(tableNameWithType);
    return quota == null ? null : quota.limiter().permitsPerSecond();
  }

  /// `quota.maxQueriesPerSecond` of a table config (Pinot writes it as a string such as `"100.00"`; numbers are
  /// accepted too), or null when absent, blank, not a number, or not positive and finite (Pinot rejects those).
  public static @Nullable Double maxQueriesPerSecond(TableConfig config) {
    if (!(config.otherFields().get("quota") instanceof Map<?, ?> quota)) {
      return null;
    }
    Object value = quota.get("maxQueriesPerSecond");
    if (value == null) {
      return null;
    }
    double rate;
    try {
      rate = value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
    return rate > 0 && !Double.isInfinite(rate) && !Double.isNaN(rate) ? rate : null;
  }
}
