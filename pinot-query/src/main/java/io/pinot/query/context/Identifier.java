// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

/// A column reference (or `*`). Before resolution the name is as written; after it, the schema's name.
public record Identifier(String name) implements Expression {
  /// The `*` of `SELECT *` and `COUNT(*)`.
  public static final Identifier STAR = new Identifier("*");

  public Identifier {
    requireNonNull(name, "name is null");
  }

  public boolean isStar() {
    return name.equals("*");
  }

  @Override
  public String toString() {
    return name;
  }
}
