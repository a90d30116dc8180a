// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Self-signed certificates for TLS tests, made with the running JDK's `keytool`: a server key store for 127.0.0.1,
/// a client key store, and trust stores holding each one's certificate. All PKCS12 with password `changeit`.
public record TestCertificates(Path serverKeyStore, Path serverTrustStore, Path clientKeyStore,
    Path clientTrustStore, Path strangerKeyStore) {
  public static final String PASSWORD = "changeit";

  /// Creates the stores in `dir`.
  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Path server = dir.resolve("server.p12");
    Path client = dir.resolve("client.p12");
    Path stranger = dir.resolve("stranger.p12");
    genKey(server, "server", "CN=127.0.0.1", "SAN=IP:127.0.0.1,DNS:localhost");
    genKey(client, "client", "CN=trino", null);
    genKey(stranger, "stranger", "CN=stranger", null);
    Path serverCert = dir.resolve("server.cer");
    Path clientCert = dir.resolve("client.cer");
    keytool("-exportcert", "-keystore", server.toString(), "-storepass", PASSWORD, "-alias", "server", "-file",
        serverCert.toString());
    keytool("-exportcert", "-keystore", client.toString(), "-storepass", PASSWORD, "-alias", "client", "-file",
        clientCert.toString());
    Path serverTrust = dir.resolve("server-trust.p12");
    Path clientTrust = dir.resolve("client-trust.p12");
    keytool("-importcert", "-noprompt", "-keystore", serverTrust.toString(), "-storetype", "PKCS12", "-storepass",
        PASSWORD, "-alias", "client", "-file", clientCert.toString());
    keytool("-importcert", "-noprompt", "-keystore", clientTrust.toString(), "-storetype", "PKCS12", "-storepass",
        PASSWORD, "-alias", "server", "-file", serverCert.toString());
    return new TestCertificates(server, serverTrust, client, clientTrust, stranger);
  }

  private static void genKey(Path store, String alias, String dname, String extension)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12",
        "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", "2", "-dname", dname));
    if (extension != null) {
      args.add("-ext");
      args.add(extension);
    }
    keytool(args.toArray(new String[0]));
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
