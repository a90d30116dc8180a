// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.env;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/// An immutable set of string properties for one node, keyed by Apache Pinot's config key names
/// (`controller.port`, `pinot.server.netty.port`...). Built once at start-up from a properties file
/// (`-configFileName`) and command-line overrides; typed config records read it through [ConfigKey]s.
public final class PinotConfiguration {
  private final Map<String, String> properties;

  public PinotConfiguration(Map<String, String> properties) {
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  public static PinotConfiguration empty() {
    return new PinotConfiguration(Map.of());
  }

  /// Reads a Java properties file (Pinot's `.conf` files use that syntax).
  public static PinotConfiguration fromFile(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    Map<String, String> map = new TreeMap<>();
    for (String name : props.stringPropertyNames()) {
      map.put(name, props.getProperty(name).trim());
    }
    return new PinotConfiguration(map);
  }

  /// A copy with the given entries added or replaced (null values are skipped).
  public PinotConfiguration with(Map<String, @Nullable String> overrides) {
    Map<String, String> merged = new TreeMap<>(properties);
    overrides.forEach((key, value) -> {
      if (value != null) {
        merged.put(key, value);
      }
    });
    return new PinotConfiguration(merged);
  }

  public PinotConfiguration with(String key, @Nullable Object value) {
    Map<String, String> merged = new TreeMap<>(properties);
    if (value != null) {
      merged.put(key, value.toString());
    }
    return new PinotConfiguration(merged);
  }

  /// The raw value of the key or of its first alias present, or null.
  public @Nullable String raw(ConfigKey key) {
    String value = properties.get(key.key());
    if (value != null) {
      return value;
    }
    for (String alias : key.aliases()) {
      value = properties.get(alias);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  public String getString(ConfigKey key) {
    String value = raw(key);
    return value == null ? key.defaultValue() : value;
  }

  public int getInt(ConfigKey key) {
    String value = getString(key);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Config " + key.key() + " must be an integer, got '" + value + "'", e);
    }
  }

  public long getLong(ConfigKey key) {
    String value = getString(key);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Config " + key.key() + " must be an integer, got '" + value + "'", e);
    }
  }

  public boolean getBoolean(ConfigKey key) {
    String value = getString(key).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("Config " + key.key() + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  public @Nullable String get(String key) {
    return properties.get(key);
  }

  /// All properties, sorted by key.
  public Map<String, String> toMap() {
    return properties;
  }
}
