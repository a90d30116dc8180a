// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A compiled JSON path in the Jayway syntax Pinot's JSON functions use: `$` followed by `.name`, `['name']`
/// (several names separated by commas), `.*`, `[*]`, `[index]` (negative counts from the end), `[start:end]` slices
/// and `..` deep scans. Filter expressions (`[?(...)]`) are not supported. A path is *definite* when it selects at
/// most one value (names and indexes only). Paths evaluate over parsed JSON (`Map`, `List`, scalars).
/// Immutable and thread-safe.
public final class JsonPath {
  private sealed interface Step permits Names, Index, Slice, Wildcard, DeepScan {
  }

  private record Names(List<String> names) implements Step {
  }

  private record Index(int index) implements Step {
  }

  private record Slice(@Nullable Integer start, @Nullable Integer end) implements Step {
  }

  private record Wildcard() implements Step {
  }

  /// `..` followed by the step applied at every depth.
  private record DeepScan(Step then) implements Step {
  }

  /// One selected value and its normalized path (`$['a'][0]`).
  public record Match(String path, @Nullable Object value) {
  }

  private final String text;
  private final List<Step> steps;
  private final boolean definite;

  private JsonPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
    boolean isDefinite = true;
    for (Step step : steps) {
      if (!(step instanceof Names names && names.names().size() == 1) && !(step instanceof Index)) {
        isDefinite = false;
      }
    }
    this.definite = isDefinite;
  }

  /// Compiles a path.
  ///
  /// @throws IllegalArgumentException when the path is malformed or uses an unsupported feature
  public static JsonPath compile(String path) {
    return new JsonPath(path, new Parser(path.trim()).parse());
  }

  /// Whether the path selects at most one value.
  public boolean isDefinite() {
    return definite;
  }

  /// The values selected in `root`.
  public List<Match> select(@Nullable Object root) {
    List<Match> current = List.of(new Match("$", root));
    for (Step step : steps) {
      List<Match> next = new ArrayList<>();
      for (Match match : current) {
        apply(step, match, next);
      }
      current = next;
    }
    return current;
  }

  /// The value of a definite path (null when absent), or the list of values of an indefinite one.
  public @Nullable Object read(@Nullable Object root) {
    List<Match> matches = select(root);
    if (definite) {
      return matches.isEmpty() ? null : matches.getFirst().value();
    }
    List<@Nullable Object> values = new ArrayList<>(matches.size());
    for (Match match : matches) {
      values.add(match.value());
    }
    return values;
  }

  private static void apply(Step step, Match match, List<Match> out) {
    Object value = match.value();
    switch (step) {
      case Names names -> {
        if (value instanceof Map<?, ?> map) {
          for (String name : names.names()) {
            if (map.containsKey(name)) {
              out.add(new Match(match.path() + "['" + name + "']", map.get(name)));
            }
          }
        }
      }
      case Index index -> {
        if (value instanceof List<?> list) {
          int position = index.index() < 0 ? list.size() + index.index() : index.index();
          if (position >= 0 && position < list.size()) {
            out.add(new Match(match.path() + "[" + position + "]", list.get(position)));
          }
        }
      }
      case Slice slice -> {
        if (value instanceof List<?> list) {
          int size = list.size();
          int start = slice.start() == null ? 0 : slice.start() < 0 ? Math.max(0, size + slice.start()) : slice.start();
          int end = slice.end() == null ? size : slice.end() < 0 ? size + slice.end() : Math.min(size, slice.end());
          for (int i = start; i < end; i++) {
            out.add(new Match(match.path() + "[" + i + "]", list.get(i)));
          }
        }
      }
      case Wildcard wildcard -> children(match, out);
      case DeepScan scan -> deepScan(scan.then(), match, out);
    }
  }

  private static void children(Match match, List<Match> out) {
    if (match.value() instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.add(new Match(match.path() + "['" + entry.getKey() + "']", entry.getValue()));
      }
    } else if (match.value() instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(new Match(match.path() + "[" + i + "]", list.get(i)));
      }
    }
  }

  private static void deepScan(Step then, Match match, List<Match> out) {
    apply(then, match, out);
    List<Match> children = new ArrayList<>();
    children(match, children);
    for (Match child : children) {
      if (child.value() instanceof Map<?, ?> || child.value() instanceof List<?>) {
        deepScan(then, child, out);
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }

  /// Recursive-descent parser of the path text. Not thread-safe.
  private static final class Parser {
    private final String path;
    private int position;

    Parser(String path) {
      this.path = path;
    }

    List<Step> parse() {
      if (!path.startsWith("$")) {
        throw error("must start with '$'");
      }
      position = 1;
      List<Step> steps = new ArrayList<>();
      while (position < path.length()) {
        steps.add(step());
      }
      return steps;
    }

    private Step step() {
      char c = path.charAt(position);
      if (c == '.') {
        if (position + 1 < path.length() && path.charAt(position + 1) == '.') {
          position += 2;
          if (position < path.length() && path.charAt(position) == '[') {
            return new DeepScan(bracket());
          }
          return new DeepScan(dotMember());
        }
        position++;
        return dotMember();
      }
      if (c == '[') {
        return bracket();
      }
      throw error("unexpected '" + c + "'");
    }

    private Step dotMember() {
      int start = position;
      while (position < path.length() && path.charAt(position) != '.' && path.charAt(position) != '[') {
        position++;
      }
      String name = path.substring(start, position);
      if (name.isEmpty()) {
        throw error("empty name");
      }
      return name.equals("*") || name.equals("**") ? new Wildcard() : new Names(List.of(name));
    }

    private Step bracket() {
      int end = path.indexOf(']', position);
      if (end < 0) {
        throw error("missing ']'");
      }
      String inside = path.substring(position + 1, end).trim();
      if (inside.startsWith("'") || inside.startsWith("\"")) {
        end = closingBracketAfterQuotes(position + 1);
        inside = path.substring(position + 1, end).trim();
      }
      position = end + 1;
      if (inside.equals("*")) {
        return new Wildcard();
      }
      if (inside.startsWith("?")) {
        throw error("filter expressions are not supported");
      }
      if (inside.startsWith("'") || inside.startsWith("\"")) {
        return new Names(quotedNames(inside));
      }
      try {
        int colon = inside.indexOf(':');
        if (colon >= 0) {
          String start = inside.substring(0, colon).trim();
          String stop = inside.substring(colon + 1).trim();
          return new Slice(start.isEmpty() ? null : Integer.valueOf(start),
              stop.isEmpty() ? null : Integer.valueOf(stop));
        }
        return new Index(Integer.parseInt(inside));
      } catch (NumberFormatException e) {
        throw error("invalid index '" + inside + "'");
      }
    }

    private int closingBracketAfterQuotes(int from) {
      char quote = 0;
      for (int i = from; i < path.length(); i++) {
        char c = path.charAt(i);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == ']') {
          return i;
        }
      }
      throw error("missing ']'");
    }

    private List<String> quotedNames(String inside) {
      List<String> names = new ArrayList<>();
      int i = 0;
      while (i < inside.length()) {
        char quote = inside.charAt(i);
        int close = inside.indexOf(quote, i + 1);
        if (quote != '\'' && quote != '"' || close < 0) {
          throw error("malformed name list '" + inside + "'");
        }
        names.add(inside.substring(i + 1, close));
        i = close + 1;
        while (i < inside.length() && (inside.charAt(i) == ',' || inside.charAt(i) == ' ')) {
          i++;
        }
      }
      return names;
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("Invalid JSON path '" + path + "': " + message);
    }
  }
}
