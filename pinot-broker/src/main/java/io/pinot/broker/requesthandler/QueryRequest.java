// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.common.auth.BasicAuthPrincipals;
import org.jspecify.annotations.Nullable;

/// A query as a client sent it to the broker.
///
/// @param queryOptions Pinot's `queryOptions` string (`k=v;k2=v2`), or null
/// @param principal the authenticated caller when the broker checks credentials (its table access is checked
///     against the query's table), or null
public record QueryRequest(String sql, @Nullable String queryOptions, boolean trace,
    BasicAuthPrincipals.@Nullable Principal principal) {

  public QueryRequest(String sql, @Nullable String queryOptions, boolean trace) {
    this(sql, queryOptions, trace, null);
  }
}
