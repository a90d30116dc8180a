// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import io.pinot.spi.env.PinotConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/// The proxy's TLS material: a key store with its certificate and, for mutual TLS, a trust store of the client
/// certificates it accepts (`pinot.proxy.tls.*`).
///
/// @param keyStore path of the key store (PKCS12 or JKS)
/// @param trustStore path of the trust store, or empty when clients need no certificate
public record TlsConfig(Path keyStore, String keyStorePassword, String keyStoreType, String trustStore,
    String trustStorePassword, String trustStoreType) {

  /// The TLS settings of `config`.
  ///
  /// @throws IllegalArgumentException when no key store is configured or it does not exist
  public static TlsConfig from(PinotConfiguration config) {
    String path = config.getString(ProxyConfigKey.TLS_KEYSTORE_PATH);
    if (path.isBlank() || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalArgumentException("TLS is enabled but the key store " + ProxyConfigKey.TLS_KEYSTORE_PATH.key()
          + "=" + path + " does not exist");
    }
    return new TlsConfig(Path.of(path), config.getString(ProxyConfigKey.TLS_KEYSTORE_PASSWORD),
        config.getString(ProxyConfigKey.TLS_KEYSTORE_TYPE), config.getString(ProxyConfigKey.TLS_TRUSTSTORE_PATH),
        config.getString(ProxyConfigKey.TLS_TRUSTSTORE_PASSWORD), config.getString(ProxyConfigKey.TLS_TRUSTSTORE_TYPE));
  }

  public boolean requiresClientCertificates() {
    return !trustStore.isBlank();
  }

  public KeyManagerFactory keyManagers() throws IOException, GeneralSecurityException {
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(load(keyStore, keyStorePassword, keyStoreType), keyStorePassword.toCharArray());
    return factory;
  }

  public TrustManagerFactory trustManagers() throws IOException, GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(load(Path.of(trustStore), trustStorePassword, trustStoreType));
    return factory;
  }

  /// An SSL context for the REST listener.
  public SSLContext sslContext() throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers().getKeyManagers(), requiresClientCertificates() ? trustManagers().getTrustManagers()
        : null, null);
    return context;
  }

  private static KeyStore load(Path path, String password, String type) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }
}
