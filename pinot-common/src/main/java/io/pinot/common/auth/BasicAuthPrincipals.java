// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.auth;

import io.pinot.spi.env.PinotConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/// HTTP Basic credentials configured as Apache Pinot configures them: `<prefix>.principals=admin,user`, then
/// `<prefix>.principals.<name>.password`, and optionally `<prefix>.principals.<name>.tables` (comma-separated raw
/// table names; absent means every table) and `<prefix>.principals.<name>.permissions` (`READ`, `CREATE`,
/// `UPDATE`, `DELETE`; absent means all). For example `pinot.broker.access.control.principals`. Immutable.
public final class BasicAuthPrincipals {
  /// One configured principal.
  public record Principal(String name, String password, Set<String> tables, Set<String> permissions) {
    /// Whether the principal may read `rawTableName` (case-insensitively; every table when none are listed).
    public boolean hasTable(String rawTableName) {
      return tables.isEmpty() || tables.contains(rawTableName.toLowerCase(Locale.ROOT));
    }

    public boolean hasPermission(String permission) {
      return permissions.isEmpty() || permissions.contains(permission.toUpperCase(Locale.ROOT));
    }
  }

  private final Map<String, Principal> byName;

  private BasicAuthPrincipals(Map<String, Principal> byName) {
    this.byName = byName;
  }

  /// The principals under `prefix` (for example `pinot.broker.access.control`); none when `<prefix>.principals` is
  /// empty.
  ///
  /// @throws IllegalArgumentException when a listed principal has no password
  public static BasicAuthPrincipals from(PinotConfiguration config, String prefix) {
    Map<String, Principal> principals = new LinkedHashMap<>();
    for (String name : split(config.get(prefix + ".principals"))) {
      String base = prefix + ".principals." + name;
      String password = config.get(base + ".password");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("Principal " + name + " has no password: set " + base + ".password");
      }
      Set<String> tables = new TreeSet<>();
      split(config.get(base + ".tables")).forEach(table -> tables.add(table.toLowerCase(Locale.ROOT)));
      Set<String> permissions = new TreeSet<>();
      split(config.get(base + ".permissions")).forEach(p -> permissions.add(p.toUpperCase(Locale.ROOT)));
      principals.put(name, new Principal(name, password, Set.copyOf(tables), Set.copyOf(permissions)));
    }
    return new BasicAuthPrincipals(Map.copyOf(principals));
  }

  /// Whether any principal is configured (no principals: access control is off).
  public boolean isEnabled() {
    return !byName.isEmpty();
  }

  /// The principal an `Authorization` header value names, if its password matches. Accepts `Basic <base64>` and
  /// StarTree's `Bearer st-<user>-<password>` (the scheme case-insensitively, surrounding spaces ignored, as Presto's
  /// extra metadata leaves a leading space).
  public Optional<Principal> authenticate(@Nullable String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.trim();
    String name;
    String password;
    if (value.length() > 6 && value.substring(0, 6).equalsIgnoreCase("Basic ")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      name = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    } else if (value.length() > 10 && value.substring(0, 10).equalsIgnoreCase("Bearer st-")) {
      // StarTree's API token form: st-<user>-<password>
      String token = value.substring(10).trim();
      int dash = token.indexOf('-');
      if (dash <= 0) {
        return Optional.empty();
      }
      name = token.substring(0, dash);
      password = token.substring(dash + 1);
    } else {
      return Optional.empty();
    }
    Principal principal = byName.get(name);
    if (principal == null || !MessageDigest.isEqual(principal.password().getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    return Optional.of(principal);
  }

  /// `Basic base64(name:password)`.
  public static String basicHeader(String name, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> split(@Nullable String list) {
    List<String> values = new ArrayList<>();
    if (list != null) {
      for (String value : list.split(",")) {
        if (!value.isBlank()) {
          values.add(value.trim());
        }
      }
    }
    return values;
  }
}
