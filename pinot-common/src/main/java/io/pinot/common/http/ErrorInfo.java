// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/// Apache Pinot's REST error body `{"code": <http status>, "error": "<message>"}`.
@JsonPropertyOrder({"code", "error"})
public record ErrorInfo(@JsonProperty("code") int code, @JsonProperty("error") String error) {
}
