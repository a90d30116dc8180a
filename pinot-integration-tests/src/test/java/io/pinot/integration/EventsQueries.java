// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import java.util.List;

/// Queries over the bench `events` table (../shared/bench), covering filters (=, <>, IN, NOT IN, BETWEEN,
/// LIKE, AND/OR/NOT, ranges on the sorted column, multi-value matches), aggregations, GROUP BY, HAVING,
/// ORDER BY, LIMIT/OFFSET and selection, each with the equivalent H2 query. In H2 the multi-value `tags`
/// column is the child table `events_tags(row_id, "value")`.
final class EventsQueries {
  private EventsQueries() {
  }

  static List<QueryPair> all(long pointLookupUserId) {
    return List.of(
        QueryPair.same("SELECT COUNT(*) FROM events", true),
        QueryPair.same("SELECT COUNT(*) FROM events WHERE country = 'DE'", true),
        QueryPair.same("SELECT COUNT(*) FROM events WHERE event_type IN ('purchase', 'add_to_cart') "
            + "AND device_type = 'mobile'", true),
        new QueryPair("SELECT SUM(revenue), AVG(price), MIN(duration_ms), MAX(duration_ms), COUNT(*) FROM events "
            + "WHERE event_type = 'purchase'", "SELECT SUM(revenue), AVG(price), MIN(duration_ms), MAX(duration_ms), "
            + "COUNT(*) FROM events WHERE event_type = 'purchase'", true),
        new QueryPair("SELECT COUNT(*), AVG(page_load_ms), SUM(quantity) FROM events "
            + "WHERE page_load_ms BETWEEN 1000 AND 2000", "SELECT COUNT(*), AVG(CAST(page_load_ms AS DOUBLE)), "
            + "SUM(quantity) FROM events WHERE page_load_ms BETWEEN 1000 AND 2000", true),
        QueryPair.same("SELECT COUNT(*), SUM(revenue) FROM events WHERE event_time >= 1706745600000 "
            + "AND event_time < 1707350400000", true),
        QueryPair.same("SELECT device_type, COUNT(*) AS c FROM events GROUP BY device_type "
            + "ORDER BY COUNT(*) DESC, device_type LIMIT 10", true),
        new QueryPair("SELECT country, COUNT(*) AS c, SUM(revenue) AS rev, AVG(duration_ms) AS avg_dur FROM events "
            + "GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 10", "SELECT country, COUNT(*) AS c, "
            + "SUM(revenue) AS rev, AVG(CAST(duration_ms AS DOUBLE)) AS avg_dur FROM events GROUP BY country "
            + "ORDER BY COUNT(*) DESC, country LIMIT 10", true),
        QueryPair.same("SELECT os, browser, COUNT(*) AS c FROM events WHERE device_type <> 'tv' "
            + "GROUP BY os, browser ORDER BY COUNT(*) DESC, os, browser LIMIT 20", true),
        QueryPair.same("SELECT city, SUM(revenue) AS rev, COUNT(*) AS c FROM events WHERE event_type = 'purchase' "
            + "GROUP BY city ORDER BY SUM(revenue) DESC, city LIMIT 10", true),
        QueryPair.same("SELECT country, COUNT(*) FROM events GROUP BY country HAVING COUNT(*) > 1000 "
            + "ORDER BY country LIMIT 100", true),
        QueryPair.same("SELECT COUNT(*) FROM events WHERE country NOT IN ('US', 'IN', 'CN')", true),
        QueryPair.same("SELECT COUNT(*) FROM events WHERE url LIKE '%utm=promo'", true),
        QueryPair.same("SELECT COUNT(*) FROM events WHERE NOT (device_type = 'desktop' OR age < 30)", true),
        QueryPair.same("SELECT event_time, user_id, url, duration_ms FROM events WHERE country = 'JP' "
            + "AND event_type = 'purchase' ORDER BY duration_ms DESC, event_time LIMIT 20", true),
        QueryPair.same("SELECT event_time, session_id, event_type, url, revenue FROM events WHERE user_id = "
            + pointLookupUserId + " ORDER BY event_time LIMIT 10", true),
        new QueryPair("SELECT DISTINCTCOUNT(user_id) FROM events WHERE country = 'US'",
            "SELECT COUNT(DISTINCT user_id) FROM events WHERE country = 'US'", true),
        new QueryPair("SELECT referrer, COUNT(*) AS c, DISTINCTCOUNT(user_id) AS users FROM events "
            + "WHERE referrer <> 'direct' GROUP BY referrer ORDER BY COUNT(*) DESC, referrer LIMIT 10",
            "SELECT referrer, COUNT(*) AS c, COUNT(DISTINCT user_id) AS users FROM events WHERE referrer <> 'direct' "
            + "GROUP BY referrer ORDER BY COUNT(*) DESC, referrer LIMIT 10", true),
        new QueryPair("SELECT COUNT(*) FROM events WHERE tags = 'sale'",
            "SELECT COUNT(*) FROM events e WHERE EXISTS (SELECT 1 FROM events_tags t WHERE t.row_id = e.row_id "
            + "AND t.\"value\" = 'sale')", true),
        new QueryPair("SELECT tags, COUNT(*) FROM events GROUP BY tags ORDER BY COUNT(*) DESC, tags LIMIT 5",
            "SELECT \"value\", COUNT(*) FROM events_tags GROUP BY \"value\" ORDER BY COUNT(*) DESC, \"value\" LIMIT 5",
            true),
        QueryPair.same("SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY COUNT(*) DESC, country "
            + "LIMIT 5 OFFSET 5", true),
        new QueryPair("SELECT city, event_time FROM events WHERE country = 'FR' ORDER BY city, event_time",
            "SELECT city, event_time FROM events WHERE country = 'FR' ORDER BY city, event_time LIMIT 10", true),
        QueryPair.same("SELECT event_date, COUNT(*) AS c FROM events WHERE event_date >= '2024-02-01' "
            + "AND event_date < '2024-02-08' GROUP BY event_date ORDER BY event_date LIMIT 10", true),
        QueryPair.same("SELECT MIN(price), MAX(price), SUM(quantity) FROM events WHERE browser != 'Chrome' "
            + "AND (os = 'iOS' OR os = 'macOS')", true),
        QueryPair.same("SELECT is_new_user, screen_width, COUNT(*) FROM events WHERE campaign_id > 10 "
            + "GROUP BY is_new_user, screen_width ORDER BY is_new_user, screen_width LIMIT 100", true));
  }
}
