// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BOOLEAN;
import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.STRING;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// Regular-expression functions (Java regular expressions, as Pinot): `regexpExtract`, `regexpReplace`,
/// `regexpLike`, `regexpCount`, `regexpSubstr` and SQL `like`. A constant pattern is compiled once per expression
/// through the function's specializer; otherwise per call. Stateless.
final class RegexpFunctions {
  private RegexpFunctions() {
  }

  /// Compiles the pattern of one call: the specialized one when the pattern argument was constant.
  @FunctionalInterface
  private interface Patterns {
    Pattern of(String regexp, int flags);
  }

  private static final Patterns COMPILE = Pattern::compile;
  private static final Patterns COMPILE_LIKE = (like, flags) -> Pattern.compile(likeToRegex(like), Pattern.DOTALL);

  static void register(FunctionRegistry.Builder b) {
    for (int arity = 2; arity <= 4; arity++) {
      ScalarType[] types = arity == 2 ? new ScalarType[] {STRING, STRING} : arity == 3
          ? new ScalarType[] {STRING, STRING, INT} : new ScalarType[] {STRING, STRING, INT, STRING};
      b.define("regexpExtract").args(types).returns(STRING).specializer(c -> extract(constant(c, 1, 0)))
          .body(extract(COMPILE));
    }
    for (int arity = 3; arity <= 6; arity++) {
      ScalarType[] all = {STRING, STRING, STRING, INT, INT, STRING};
      ScalarType[] types = java.util.Arrays.copyOf(all, arity);
      b.define("regexpReplace").args(types).returns(STRING)
          .specializer(c -> replace(constant(c, 1, c.length > 5 ? flags(c[5]) : 0))).body(replace(COMPILE));
    }
    b.define("regexpLike").args(STRING, STRING).returns(BOOLEAN).specializer(c -> like(constant(c, 1, 0), 0))
        .body(like(COMPILE, 0));
    b.define("regexpLikeCi").args(STRING, STRING).returns(BOOLEAN)
        .specializer(c -> like(constant(c, 1, Pattern.CASE_INSENSITIVE), Pattern.CASE_INSENSITIVE))
        .body(like(COMPILE, Pattern.CASE_INSENSITIVE));
    b.define("regexpCount").args(STRING, STRING).returns(INT).specializer(c -> count(constant(c, 1, 0)))
        .body(count(COMPILE));
    b.define("regexpSubstr").args(STRING, STRING).returns(STRING).specializer(c -> substr(constant(c, 1, 0)))
        .body(substr(COMPILE));
    b.define("like").args(STRING, STRING).returns(BOOLEAN)
        .specializer(c -> c[1] == null ? likeBody(COMPILE_LIKE) : likeBody(constantLike((String) c[1])))
        .body(likeBody(COMPILE_LIKE));
  }

  /// The compiled pattern when argument `index` is a constant, else compilation per call.
  private static Patterns constant(@Nullable Object[] constants, int index, int flags) {
    Object regexp = constants.length > index ? constants[index] : null;
    if (regexp == null) {
      return COMPILE;
    }
    Pattern compiled = Pattern.compile((String) regexp, flags);
    return (text, ignored) -> compiled;
  }

  private static int flags(@Nullable Object flag) {
    return "i".equals(flag) ? Pattern.CASE_INSENSITIVE : 0;
  }

  private static ScalarFunction.Body extract(Patterns patterns) {
    return a -> {
      int group = a.length > 2 ? (Integer) a[2] : 0;
      String defaultValue = a.length > 3 ? (String) a[3] : "";
      Matcher matcher = patterns.of((String) a[1], 0).matcher((String) a[0]);
      return matcher.find() && matcher.groupCount() >= group ? matcher.group(group) : defaultValue;
    };
  }

  /// Pinot's `regexpReplace(input, pattern, replacement[, startPos[, occurrence[, flag]]])`: every match from
  /// `startPos` is replaced when `occurrence` is negative (the default), else only the occurrence-th (0-based) one,
  /// literally.
  private static ScalarFunction.Body replace(Patterns patterns) {
    return a -> {
      String input = (String) a[0];
      String replacement = (String) a[2];
      int start = a.length > 3 ? (Integer) a[3] : 0;
      int occurrence = a.length > 4 ? (Integer) a[4] : -1;
      int flags = a.length > 5 ? flags(a[5]) : 0;
      Matcher matcher = patterns.of((String) a[1], flags).matcher(input).region(start, input.length());
      if (occurrence < 0) {
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
          matcher.appendReplacement(result, replacement);
        }
        return matcher.appendTail(result).toString();
      }
      for (int seen = 0; matcher.find(); seen++) {
        if (seen == occurrence) {
          return new StringBuilder(input).replace(matcher.start(), matcher.end(), replacement).toString();
        }
      }
      return input;
    };
  }

  private static ScalarFunction.Body like(Patterns patterns, int flags) {
    return a -> patterns.of((String) a[1], flags).matcher((String) a[0]).find();
  }

  private static ScalarFunction.Body count(Patterns patterns) {
    return a -> {
      Matcher matcher = patterns.of((String) a[1], 0).matcher((String) a[0]);
      int count = 0;
      while (matcher.find()) {
        count++;
      }
      return count;
    };
  }

  private static ScalarFunction.Body substr(Patterns patterns) {
    return a -> {
      Matcher matcher = patterns.of((String) a[1], 0).matcher((String) a[0]);
      return matcher.find() ? matcher.group() : null;
    };
  }

  private static ScalarFunction.Body likeBody(Patterns patterns) {
    return a -> patterns.of((String) a[1], 0).matcher((String) a[0]).matches();
  }

  private static Patterns constantLike(String likePattern) {
    Pattern compiled = COMPILE_LIKE.of(likePattern, 0);
    return (text, ignored) -> compiled;
  }

  /// A SQL LIKE pattern as a regular expression: `%` any text, `_` one character, `\` escapes.
  static String likeToRegex(String like) {
    StringBuilder regex = new StringBuilder(like.length() + 8);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
