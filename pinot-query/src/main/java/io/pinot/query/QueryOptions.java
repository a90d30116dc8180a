// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import io.pinot.spi.exception.QueryErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Query option keys (Pinot's `QueryOptionKey` spellings) and typed accessors. Option keys are matched
/// case-insensitively and rewritten to Pinot's spelling (`TIMEOUTMS` is `timeoutMs`); unknown keys are
/// kept as written. Thread-safe (no state).
public final class QueryOptions {
  public static final String TIMEOUT_MS = "timeoutMs";
  public static final String NUM_GROUPS_LIMIT = "numGroupsLimit";
  public static final String MAX_EXECUTION_THREADS = "maxExecutionThreads";
  public static final String MIN_SEGMENT_GROUP_TRIM_SIZE = "minSegmentGroupTrimSize";
  public static final String MIN_SERVER_GROUP_TRIM_SIZE = "minServerGroupTrimSize";
  public static final String MIN_BROKER_GROUP_TRIM_SIZE = "minBrokerGroupTrimSize";
  public static final String GROUP_TRIM_THRESHOLD = "groupTrimThreshold";
  public static final String ENABLE_NULL_HANDLING = "enableNullHandling";
  public static final String USE_MULTISTAGE_ENGINE = "useMultistageEngine";
  public static final String TRACE = "trace";
  public static final String USE_STAR_TREE = "useStarTree";
  public static final String SKIP_UPSERT = "skipUpsert";
  public static final String EXPLAIN_PLAN_VERBOSE = "explainPlanVerbose";

  /// Options whose value must be `true` or `false` (any case); Pinot reads them with `Boolean.parseBoolean`, which
  /// silently turns a typo into `false`, so they are checked here.
  private static final List<String> BOOLEAN_KEYS = List.of(ENABLE_NULL_HANDLING, USE_STAR_TREE, SKIP_UPSERT, TRACE,
      EXPLAIN_PLAN_VERBOSE, USE_MULTISTAGE_ENGINE);
  /// Options whose value must be a positive 32-bit integer (Pinot's `checkedParseIntPositive`).
  private static final List<String> POSITIVE_INT_KEYS = List.of(NUM_GROUPS_LIMIT, MAX_EXECUTION_THREADS);

  private static final List<String> KNOWN_KEYS = List.of(TIMEOUT_MS, "extraPassiveTimeoutMs", SKIP_UPSERT,
      "skipUpsertView", "upsertViewFreshnessMs", USE_STAR_TREE, "scanStarTreeNodes", "routingOptions",
      "useScanReorderOpt", MAX_EXECUTION_THREADS, "collectGCStats", MIN_SEGMENT_GROUP_TRIM_SIZE,
      MIN_SERVER_GROUP_TRIM_SIZE, MIN_BROKER_GROUP_TRIM_SIZE, "numReplicaGroupsToQuery", "orderedPreferredPools",
      "useFixedReplica", EXPLAIN_PLAN_VERBOSE, USE_MULTISTAGE_ENGINE, ENABLE_NULL_HANDLING, "applicationName",
      "explainAskingServers", "serverReturnFinalResult", "skipIndexes", "errorOnNumGroupsLimit", NUM_GROUPS_LIMIT,
      "numGroupsWarningLimit", "maxInitialResultHolderCapacity", "minInitialIndexedTableCapacity",
      GROUP_TRIM_THRESHOLD, "inPredicatePreSorted", "inPredicateLookupAlgorithm", "dropResults",
      "maxExecutionTimeMsInDistinct", "maxRowsInDistinct", "maxRowsWithoutChangeInDistinct",
      "maxServerResponseSizeBytes", "maxQueryResponseSizeBytes", "skipUnavailableServers", "ignoreMissingSegments",
      "clientQueryId", TRACE, "responseFormat", "groupByMode", "debugOptions");
  private static final Map<String, String> BY_LOWER_CASE = byLowerCase();

  private QueryOptions() {
  }

  private static Map<String, String> byLowerCase() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String key : KNOWN_KEYS) {
      map.put(key.toLowerCase(Locale.ROOT), key);
    }
    return Collections.unmodifiableMap(map);
  }

  /// The options with known keys in Pinot's spelling (later entries win when two spell the same key).
  public static Map<String, String> canonicalize(Map<String, String> options) {
    Map<String, String> canonical = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : options.entrySet()) {
      String key = BY_LOWER_CASE.getOrDefault(entry.getKey().toLowerCase(Locale.ROOT), entry.getKey());
      canonical.put(key, entry.getValue());
    }
    return Collections.unmodifiableMap(canonical);
  }

  /// A positive long option, or null when absent.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION when present but not a positive integer
  public static @Nullable Long positiveLong(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid value[" + value + "] of query option[" + key
        + "]: expected a positive integer");
  }

  /// A positive int option, or `defaultValue` when absent.
  public static int positiveInt(Map<String, String> options, String key, int defaultValue) {
    Long value = positiveLong(options, key);
    return value == null ? defaultValue : (int) Math.min(Integer.MAX_VALUE, value);
  }

  public static boolean isTrue(Map<String, String> options, String key) {
    String value = options.get(key);
    return value != null && Boolean.parseBoolean(value.trim());
  }

  /// A boolean option, or `defaultValue` when absent.
  public static boolean booleanValue(Map<String, String> options, String key, boolean defaultValue) {
    String value = options.get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
  }

  /// Checks the values of the typed options this engine honours; unknown options are ignored, as in Pinot.
  ///
  /// @param options canonicalized options (see [#canonicalize])
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION naming the first invalid option
  public static void validate(Map<String, String> options) {
    positiveLong(options, TIMEOUT_MS);
    for (String key : POSITIVE_INT_KEYS) {
      Long value = positiveLong(options, key);
      if (value != null && value > Integer.MAX_VALUE) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid value[" + options.get(key) + "] of query option["
            + key + "]: expected a positive integer up to " + Integer.MAX_VALUE);
      }
    }
    for (String key : BOOLEAN_KEYS) {
      String value = options.get(key);
      if (value != null && !value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid value[" + value + "] of query option[" + key
            + "]: expected true or false");
      }
    }
  }

  /// Rejects `useMultistageEngine=true`: the multi-stage engine is not available. Pinot's broker answers the same
  /// request with INTERNAL (450) "V2 Multi-Stage query engine not enabled." when its multi-stage engine is off, so
  /// clients that handle that case keep working; the message says how to run the query anyway.
  ///
  /// @throws io.pinot.spi.exception.QueryException INTERNAL when the option is true
  public static void rejectMultistage(Map<String, String> options) {
    if (isTrue(options, USE_MULTISTAGE_ENGINE)) {
      throw QueryErrorCode.INTERNAL.asException("V2 Multi-Stage query engine not enabled. This cluster runs "
          + "single-stage queries only: retry without the query option useMultistageEngine=true (joins, window "
          + "functions and sub-queries are not available)");
    }
  }
}
