// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import java.util.List;

/// One endpoint as the OpenAPI document lists it: the HTTP method, the path template (`/tables/{tableName}`),
/// and the Java method that serves it.
public record ApiOperation(String httpMethod, String path, String javaMethod, List<ApiParameter> parameters,
    List<String> consumes, List<String> produces, boolean hasBody) {

  /// One request parameter: `in` is `path`, `query` or `header`.
  public record ApiParameter(String name, String in, Class<?> type, String defaultValue) {
  }

  public String key() {
    return httpMethod + " " + path;
  }
}
