// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import io.pinot.spi.env.ConfigKey;

/// The proxy's configuration keys (`pinot.proxy.*`; Apache Pinot has no proxy of its own). `StartProxy` flags set the
/// first three.
public enum ProxyConfigKey implements ConfigKey {
  /// Controller base URL (`http://host:9000`) the proxy learns the cluster from and forwards controller calls to.
  CONTROLLER_URL("pinot.proxy.controller.url", "http://localhost:9000"),
  /// REST listener port (0 binds a free one).
  REST_PORT("pinot.proxy.rest.port", "9080"),
  /// gRPC listener port (0 binds a free one).
  GRPC_PORT("pinot.proxy.grpc.port", "9096"),
  /// Address both listeners bind.
  BIND_ADDRESS("pinot.proxy.bind.address", "0.0.0.0"),
  /// How often the cluster's live brokers and servers are re-read from the controller.
  REFRESH_INTERVAL_MS("pinot.proxy.cluster.refresh.interval.ms", "5000"),
  /// Largest gRPC message accepted from clients and servers (Pinot's clients default to 128 MiB).
  GRPC_MAX_INBOUND_MESSAGE_BYTES("pinot.proxy.grpc.max.inbound.message.bytes", "134217728"),
  /// Largest REST request body forwarded (bodies stream through; larger ones get 413).
  REST_MAX_REQUEST_BYTES("pinot.proxy.rest.max.request.bytes", "1073741824"),
  /// Time limit of one forwarded REST call (the upstream must answer within it).
  REST_TIMEOUT_MS("pinot.proxy.rest.timeout.ms", "600000"),
  /// TLS on the REST listener: a PKCS12 or JKS key store with the proxy's certificate.
  REST_TLS_ENABLED("pinot.proxy.rest.tls.enabled", "false"),
  /// TLS on the gRPC listener, with the same key store.
  GRPC_TLS_ENABLED("pinot.proxy.grpc.tls.enabled", "false"),
  TLS_KEYSTORE_PATH("pinot.proxy.tls.keystore.path", ""),
  TLS_KEYSTORE_PASSWORD("pinot.proxy.tls.keystore.password", ""),
  TLS_KEYSTORE_TYPE("pinot.proxy.tls.keystore.type", "PKCS12"),
  /// With a trust store, TLS clients must present a certificate it trusts (mutual TLS).
  TLS_TRUSTSTORE_PATH("pinot.proxy.tls.truststore.path", ""),
  TLS_TRUSTSTORE_PASSWORD("pinot.proxy.tls.truststore.password", ""),
  TLS_TRUSTSTORE_TYPE("pinot.proxy.tls.truststore.type", "PKCS12"),
  /// Principals the proxy itself checks (`admin,user`; empty: the proxy passes credentials through unchecked), with
  /// `pinot.proxy.access.control.principals.<name>.password` each, as Pinot's broker names its keys.
  ACCESS_CONTROL_PRINCIPALS("pinot.proxy.access.control.principals", ""),
  /// `Authorization` value the proxy sends when it reads the cluster from the controller (when the controller
  /// checks credentials).
  CONTROLLER_AUTHORIZATION("pinot.proxy.controller.authorization", "");

  private final String key;
  private final String defaultValue;

  ProxyConfigKey(String key, String defaultValue) {
    this.key = key;
    this.defaultValue = defaultValue;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }
}
