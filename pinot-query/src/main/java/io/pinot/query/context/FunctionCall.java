// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/// A function call with its canonical name (lower case, underscores removed, as Pinot canonicalizes
/// function names) and arguments. Its text (result column names: `case(less_than(age,'30'),'young','old')`) spells
/// the comparison and null-test operators as Pinot does, with underscores.
public record FunctionCall(String name, List<Expression> arguments) implements Expression {
  /// Pinot's names of the operators SQL writes as symbols or keywords (`>`, `<>`, `IS NULL`...).
  private static final Map<String, String> OPERATOR_NAMES = Map.of("notequals", "not_equals", "greaterthan",
      "greater_than", "greaterthanorequal", "greater_than_or_equal", "lessthan", "less_than", "lessthanorequal",
      "less_than_or_equal", "notin", "not_in", "isnull", "is_null", "isnotnull", "is_not_null", "isdistinctfrom",
      "is_distinct_from", "isnotdistinctfrom", "is_not_distinct_from");

  public FunctionCall {
    requireNonNull(name, "name is null");
    arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
  }

  /// Pinot's canonical form of a function name: lower case without underscores.
  public static String canonicalName(String name) {
    StringBuilder canonical = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_') {
        canonical.append(Character.toLowerCase(c));
      }
    }
    return canonical.toString();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(OPERATOR_NAMES.getOrDefault(name, name)).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(arguments.get(i));
    }
    return text.append(')').toString();
  }
}
