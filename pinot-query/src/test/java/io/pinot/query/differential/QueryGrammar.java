// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/// Generates random but valid, deterministic queries over the `events` table of
/// [io.pinot.query.testing.TestData], each with its H2 translation (expressions through [ExpressionGrammar],
/// functions through [H2Dialect]). Four shapes: aggregations without GROUP BY; GROUP BY of 1–3 columns or
/// transforms with aggregations, HAVING, ORDER BY, LIMIT and OFFSET; selections of columns and transforms; and
/// SELECT DISTINCT. WHERE trees mix AND/OR/NOT over comparisons, BETWEEN, IN, NOT IN, LIKE, REGEXP_LIKE,
/// IS DISTINCT FROM and multi-value columns.
///
/// Every query has a well-defined answer: selections end their ORDER BY with the unique `ts`, GROUP BY and
/// DISTINCT queries order by every key (after at most one aggregate that both engines compute exactly), every
/// query has an explicit LIMIT (Pinot's default is 10), and GROUP BY key spaces stay under 5,000 groups so the
/// servers' group trimming (approximate by design in Pinot) never applies. Not thread-safe; the same seed always
/// gives the same sequence of queries.
public final class QueryGrammar {
  private static final int MAX_GROUPS = 5000;

  private final Random random;
  private final ExpressionGrammar expressions;
  private final int numRows;

  /// One generated query: the engine's SQL, H2's SQL, and whether row order is part of the answer.
  public record GeneratedQuery(int number, String sql, String h2Sql, boolean ordered) {
    @Override
    public String toString() {
      return "#" + number + " " + sql;
    }
  }

  /// A select-list item: both texts, and whether both engines compute it exactly (usable as a sort key).
  private record Item(String pinot, String h2, boolean exact) {
  }

  private int count;

  /// @param tsLow the smallest `ts` of the rows, @param tsHigh the largest, @param numRows the number of rows
  public QueryGrammar(long seed, long tsLow, long tsHigh, int numRows) {
    this.random = new Random(seed);
    this.expressions = new ExpressionGrammar(random, tsLow, tsHigh);
    this.numRows = numRows;
  }

  /// The next query of the sequence.
  public GeneratedQuery next() {
    count++;
    int shape = random.nextInt(20);
    if (shape < 5) {
      return aggregationQuery();
    }
    if (shape < 13) {
      return groupByQuery();
    }
    if (shape < 18) {
      return selectionQuery();
    }
    return distinctQuery();
  }

  private GeneratedQuery aggregationQuery() {
    List<Item> aggregations = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      aggregations.add(aggregation());
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(join(aggregations, true)).append(" FROM events");
    StringBuilder h2 = new StringBuilder("SELECT ").append(join(aggregations, false)).append(" FROM events");
    where(sql, h2, 4);
    return new GeneratedQuery(count, sql.toString(), h2.toString(), false);
  }

  private GeneratedQuery groupByQuery() {
    List<SqlExpr> keys = groupKeys(1 + random.nextInt(3));
    List<Item> aggregations = new ArrayList<>();
    int n = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      aggregations.add(aggregation());
    }
    List<Item> items = new ArrayList<>();
    for (SqlExpr key : keys) {
      items.add(new Item(key.pinot(), key.h2(), true));
    }
    items.addAll(aggregations);
    StringBuilder sql = new StringBuilder("SELECT ").append(join(items, true)).append(" FROM events");
    StringBuilder h2 = new StringBuilder("SELECT ").append(join(items, false)).append(" FROM events");
    where(sql, h2, 3);
    sql.append(" GROUP BY ").append(joinKeys(keys, true));
    h2.append(" GROUP BY ").append(joinKeys(keys, false));
    if (random.nextInt(10) < 3) {
      Item having = having(keys);
      sql.append(" HAVING ").append(having.pinot());
      h2.append(" HAVING ").append(having.h2());
    }
    List<Integer> sortColumns = new ArrayList<>();
    int exactAggregate = firstExact(aggregations);
    if (exactAggregate >= 0 && random.nextBoolean()) {
      sortColumns.add(keys.size() + exactAggregate);
    }
    for (int i = 0; i < keys.size(); i++) {
      sortColumns.add(i);
    }
    orderBy(sql, h2, items, sortColumns);
    limit(sql, h2, random.nextInt(4) == 0 ? 1000 : 1 + random.nextInt(40), true);
    return new GeneratedQuery(count, sql.toString(), h2.toString(), true);
  }

  private GeneratedQuery selectionQuery() {
    List<Item> items = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      SqlExpr x = switch (random.nextInt(4)) {
        case 0 -> expressions.numericColumn();
        case 1 -> expressions.number(2);
        case 2 -> expressions.string();
        default -> random.nextBoolean() ? expressions.ts() : expressions.stringColumn();
      };
      items.add(new Item(x.pinot(), x.h2(), x.exact()));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(join(items, true)).append(" FROM events");
    StringBuilder h2 = new StringBuilder("SELECT ").append(join(items, false)).append(" FROM events");
    where(sql, h2, 3);
    List<Item> sortKeys = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      SqlExpr x = random.nextBoolean() ? expressions.string() : expressions.number(1);
      if (x.exact()) {
        sortKeys.add(new Item(x.pinot(), x.h2(), true));
      }
    }
    sortKeys.add(new Item("ts", "ts", true));
    StringBuilder pinotOrder = new StringBuilder();
    StringBuilder h2Order = new StringBuilder();
    for (Item key : sortKeys) {
      String direction = random.nextBoolean() ? " DESC" : "";
      pinotOrder.append(pinotOrder.isEmpty() ? "" : ", ").append(key.pinot()).append(direction);
      h2Order.append(h2Order.isEmpty() ? "" : ", ").append(key.h2()).append(direction);
    }
    sql.append(" ORDER BY ").append(pinotOrder);
    h2.append(" ORDER BY ").append(h2Order);
    limit(sql, h2, 1 + random.nextInt(50), true);
    return new GeneratedQuery(count, sql.toString(), h2.toString(), true);
  }

  private GeneratedQuery distinctQuery() {
    List<SqlExpr> keys = groupKeys(1 + random.nextInt(2));
    List<Item> items = new ArrayList<>();
    List<Integer> sortColumns = new ArrayList<>();
    for (SqlExpr key : keys) {
      sortColumns.add(items.size());
      items.add(new Item(key.pinot(), key.h2(), true));
    }
    StringBuilder sql = new StringBuilder("SELECT DISTINCT ").append(join(items, true)).append(" FROM events");
    StringBuilder h2 = new StringBuilder("SELECT DISTINCT ").append(join(items, false)).append(" FROM events");
    where(sql, h2, 3);
    // H2 requires ORDER BY expressions of a DISTINCT query to be in the select list: ordinals are used
    StringBuilder order = new StringBuilder();
    for (int column : sortColumns) {
      order.append(order.isEmpty() ? "" : ", ").append(column + 1).append(random.nextBoolean() ? " DESC" : "");
    }
    sql.append(" ORDER BY ").append(order);
    h2.append(" ORDER BY ").append(order);
    limit(sql, h2, 1 + random.nextInt(100), false);
    return new GeneratedQuery(count, sql.toString(), h2.toString(), true);
  }

  // ---- parts

  private void where(StringBuilder sql, StringBuilder h2, int percentWithout) {
    if (random.nextInt(10) >= percentWithout) {
      SqlExpr predicate = expressions.predicate(random.nextInt(3));
      sql.append(" WHERE ").append(predicate.pinot());
      h2.append(" WHERE ").append(predicate.h2());
    }
  }

  private void orderBy(StringBuilder sql, StringBuilder h2, List<Item> items, List<Integer> columns) {
    boolean byText = random.nextInt(10) < 3;
    StringBuilder pinotOrder = new StringBuilder();
    StringBuilder h2Order = new StringBuilder();
    for (int column : columns) {
      String direction = random.nextBoolean() ? " DESC" : "";
      String separator = pinotOrder.isEmpty() ? "" : ", ";
      pinotOrder.append(separator).append(byText ? items.get(column).pinot() : "" + (column + 1)).append(direction);
      h2Order.append(separator).append(byText ? items.get(column).h2() : "" + (column + 1)).append(direction);
    }
    sql.append(" ORDER BY ").append(pinotOrder);
    h2.append(" ORDER BY ").append(h2Order);
  }

  private void limit(StringBuilder sql, StringBuilder h2, int limit, boolean offsetAllowed) {
    int offset = offsetAllowed && random.nextInt(4) == 0 ? 1 + random.nextInt(10) : 0;
    String text = " LIMIT " + limit + (offset > 0 ? " OFFSET " + offset : "");
    sql.append(text);
    h2.append(text);
  }

  private List<SqlExpr> groupKeys(int wanted) {
    List<SqlExpr> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long groups = 1;
    for (int attempt = 0; keys.size() < wanted && attempt < 20; attempt++) {
      SqlExpr key = groupKey();
      if (key.cardinality() > 0 && groups * key.cardinality() <= MAX_GROUPS && seen.add(key.pinot())) {
        keys.add(key);
        groups *= key.cardinality();
      }
    }
    if (keys.isEmpty()) {
      keys.add(SqlExpr.string("country", "country", 12));
    }
    return keys;
  }

  private SqlExpr groupKey() {
    return switch (random.nextInt(10)) {
      case 0, 1 -> expressions.stringColumn();
      case 2 -> expressions.string();
      case 3 -> ExpressionGrammar.column("age", 18, 80, 63);
      case 4 -> random.nextBoolean() ? ExpressionGrammar.column("quantity", 1, 10, 10)
          : ExpressionGrammar.column("score", 0, 9.9, 100);
      case 5 -> SqlExpr.bool("is_new", "is_new");
      case 6 -> expressions.timePart();
      case 7 -> expressions.modulo();
      case 8 -> SqlExpr.number("FLOOR(price / 100)", H2Dialect.scalar("floor", List.of(H2Dialect.scalar("divide",
          List.of("price", "100")))), 0, 10, 11, true);
      default -> {
        int threshold = 100 + 100 * random.nextInt(8);
        yield SqlExpr.string("CASE WHEN price > " + threshold + " THEN 'high' WHEN age < 30 THEN 'young' ELSE 'other' "
            + "END", "CASE WHEN price > " + threshold + " THEN 'high' WHEN age < 30 THEN 'young' ELSE 'other' END", 3);
      }
    };
  }

  /// An aggregation of a column or a transform; `exact` when both engines compute it without rounding.
  private Item aggregation() {
    return switch (random.nextInt(16)) {
      case 0, 1 -> new Item("COUNT(*)", "COUNT(*)", true);
      case 2, 3 -> {
        SqlExpr x = expressions.number(1);
        boolean integral = x.pinot().equals("age") || x.pinot().equals("quantity");
        yield call("sum", "SUM", x, integral);
      }
      case 4 -> {
        SqlExpr x = expressions.number(1);
        yield call("min", "MIN", x, x.exact());
      }
      case 5 -> {
        SqlExpr x = expressions.number(1);
        yield call("max", "MAX", x, x.exact());
      }
      case 6 -> call("avg", "AVG", expressions.number(1), false);
      case 7 -> {
        SqlExpr x = random.nextBoolean() ? expressions.stringColumn() : expressions.string();
        yield random.nextBoolean() ? call("distinctcount", "DISTINCTCOUNT", x, true)
            : new Item("COUNT(DISTINCT " + x.pinot() + ")", H2Dialect.aggregation("countdistinct", List.of(x.h2())),
                true);
      }
      case 8 -> call("distinctcount", "DISTINCTCOUNT", expressions.numericColumn(), true);
      case 9 -> call("minmaxrange", "MINMAXRANGE", statisticArgument(), false);
      case 10, 11 -> {
        String[] names = {"varpop", "varsamp", "stddevpop", "stddevsamp"};
        String[] spellings = {"VAR_POP", "VAR_SAMP", "STDDEV_POP", "STDDEV_SAMP"};
        int i = random.nextInt(4);
        yield call(names[i], spellings[i], statisticArgument(), false);
      }
      case 12 -> call("mode", "MODE", pickColumn("age", "quantity", "price", "user_id"), true);
      case 13 -> {
        SqlExpr a = pickColumn("price", "age", "quantity", "revenue");
        SqlExpr b = pickColumn("price", "age", "quantity", "score");
        boolean sample = random.nextBoolean();
        yield new Item((sample ? "COVAR_SAMP(" : "COVAR_POP(") + a.pinot() + ", " + b.pinot() + ")",
            H2Dialect.aggregation(sample ? "covarsamp" : "covarpop", List.of(a.h2(), b.h2())), false);
      }
      case 14 -> random.nextBoolean() ? call("booland", "BOOL_AND", SqlExpr.bool("is_new", "is_new"), true)
          : call("boolor", "BOOL_OR", SqlExpr.bool("is_new", "is_new"), true);
      default -> call("max", "MAX", expressions.numericColumn(), true);
    };
  }

  private static Item call(String name, String spelling, SqlExpr argument, boolean exact) {
    return new Item(spelling + "(" + argument.pinot() + ")", H2Dialect.aggregation(name, List.of(argument.h2())),
        exact);
  }

  /// The variance family's argument: a column or arithmetic whose mean is small next to its spread, so that
  /// both engines' sums of squares keep the 1e-9 relative tolerance.
  private SqlExpr statisticArgument() {
    return switch (random.nextInt(4)) {
      case 0 -> pickColumn("price", "revenue", "age", "quantity", "score", "big");
      case 1 -> SqlExpr.number("price * quantity", H2Dialect.scalar("times", List.of("price", "quantity")), 0, 1e4,
          0, true);
      case 2 -> SqlExpr.number("age - quantity", H2Dialect.scalar("minus", List.of("age", "quantity")), 8, 79, 0,
          true);
      default -> pickColumn("price", "age");
    };
  }

  private SqlExpr pickColumn(String... names) {
    String name = names[random.nextInt(names.length)];
    return SqlExpr.number(name, name, 0, 0, 0, true);
  }

  private Item having(List<SqlExpr> keys) {
    long groups = 1;
    for (SqlExpr key : keys) {
      groups *= Math.max(1, key.cardinality());
    }
    double perGroup = Math.max(1, numRows / (double) groups);
    String op = random.nextBoolean() ? " > " : " <= ";
    return switch (random.nextInt(5)) {
      case 0 -> {
        long k = (long) (random.nextDouble() * 2 * perGroup);
        yield new Item("COUNT(*)" + op + k, "COUNT(*)" + op + k, true);
      }
      case 1 -> {
        long v = (long) (random.nextDouble() * perGroup * 1000);
        yield new Item("SUM(price)" + op + v, H2Dialect.aggregation("sum", List.of("price")) + op + v, true);
      }
      case 2 -> {
        int v = 18 + random.nextInt(63);
        yield new Item("MAX(age)" + op + v, H2Dialect.aggregation("max", List.of("age")) + op + v, true);
      }
      case 3 -> {
        int v = random.nextInt(1000);
        yield new Item("MIN(price)" + op + v + " AND COUNT(*) > 1", H2Dialect.aggregation("min", List.of("price"))
            + op + v + " AND COUNT(*) > 1", true);
      }
      default -> {
        String v = String.format(Locale.ROOT, "%d.5", 300 + random.nextInt(400));
        yield new Item("AVG(price)" + op + v, H2Dialect.aggregation("avg", List.of("price")) + op + v, true);
      }
    };
  }

  private static int firstExact(List<Item> aggregations) {
    for (int i = 0; i < aggregations.size(); i++) {
      if (aggregations.get(i).exact()) {
        return i;
      }
    }
    return -1;
  }

  private static String join(List<Item> items, boolean pinot) {
    StringBuilder text = new StringBuilder();
    for (Item item : items) {
      text.append(text.isEmpty() ? "" : ", ").append(pinot ? item.pinot() : item.h2());
    }
    return text.toString();
  }

  private static String joinKeys(List<SqlExpr> keys, boolean pinot) {
    StringBuilder text = new StringBuilder();
    for (SqlExpr key : keys) {
      text.append(text.isEmpty() ? "" : ", ").append(pinot ? key.pinot() : key.h2());
    }
    return text.toString();
  }
}
