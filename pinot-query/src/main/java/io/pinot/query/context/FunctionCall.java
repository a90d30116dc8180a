// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import java.util.List;

/// A function call with its canonical name (lower case, underscores removed, as Pinot canonicalizes
/// function names) and arguments.
public record FunctionCall(String name, List<Expression> arguments) implements Expression {

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
    StringBuilder text = new StringBuilder(name).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(arguments.get(i));
    }
    return text.append(')').toString();
  }
}
