// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import org.jspecify.annotations.Nullable;

/// A query as a client sent it to the broker.
///
/// @param queryOptions Pinot's `queryOptions` string (`k=v;k2=v2`), or null
public record QueryRequest(String sql, @Nullable String queryOptions, boolean trace) {
}
