// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/// `pinot-admin.sh -version`: the project version recorded at build time, and the Java runtime.
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"Pinot " + version() + " (io.pinot, compatible with Apache Pinot's pinot-admin.sh)",
        "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"};
  }

  /// The build's project version, or `unknown` when the resource is missing.
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
