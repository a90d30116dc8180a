// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `tenants` section of a table config: the broker and server tenant names (default `DefaultTenant`).
/// Brokers of tenant T carry the Helix tag `T_BROKER`; servers carry `T_OFFLINE` and/or `T_REALTIME`.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantConfig(
    @JsonProperty("broker") @Nullable String broker,
    @JsonProperty("server") @Nullable String server,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public static final String DEFAULT_TENANT = "DefaultTenant";

  public TenantConfig {
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  public String brokerTenant() {
    return broker == null || broker.isBlank() ? DEFAULT_TENANT : broker;
  }

  public String serverTenant() {
    return server == null || server.isBlank() ? DEFAULT_TENANT : server;
  }

  /// The Helix tag of the brokers serving the table.
  public String brokerTag() {
    return brokerTenant() + "_BROKER";
  }

  /// The Helix tag of the servers hosting segments of the given table type.
  public String serverTag(TableType type) {
    return serverTenant() + "_" + type.name();
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
