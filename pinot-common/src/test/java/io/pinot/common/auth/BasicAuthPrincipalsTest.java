// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.env.PinotConfiguration;
import org.junit.jupiter.api.Test;

class BasicAuthPrincipalsTest {
  private static final BasicAuthPrincipals PRINCIPALS = BasicAuthPrincipals.from(PinotConfiguration.empty()
      .with("pinot.broker.access.control.principals", "admin, user")
      .with("pinot.broker.access.control.principals.admin.password", "verysecret")
      .with("pinot.broker.access.control.principals.user.password", "secret")
      .with("pinot.broker.access.control.principals.user.tables", "baseballStats,Trips")
      .with("pinot.broker.access.control.principals.user.permissions", "read"), "pinot.broker.access.control");

  @Test
  void basicCredentialsNameAPrincipalWhenThePasswordMatches() {
    assertThat(PRINCIPALS.isEnabled()).isTrue();
    assertThat(PRINCIPALS.authenticate(BasicAuthPrincipals.basicHeader("admin", "verysecret")))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("admin"));
    // Presto's extra metadata keeps a leading space; the scheme's case does not matter
    assertThat(PRINCIPALS.authenticate(" basic " + BasicAuthPrincipals.basicHeader("user", "secret").substring(6)))
        .isPresent();
    assertThat(PRINCIPALS.authenticate(BasicAuthPrincipals.basicHeader("admin", "secret"))).isEmpty();
    assertThat(PRINCIPALS.authenticate(BasicAuthPrincipals.basicHeader("nobody", "secret"))).isEmpty();
    assertThat(PRINCIPALS.authenticate("Basic !!!notbase64")).isEmpty();
    assertThat(PRINCIPALS.authenticate("Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)))).isEmpty();
    assertThat(PRINCIPALS.authenticate(null)).isEmpty();
    assertThat(PRINCIPALS.authenticate("Digest abc")).isEmpty();
  }

  @Test
  void starTreeBearerTokensCarryUserAndPassword() {
    assertThat(PRINCIPALS.authenticate("Bearer st-user-secret")).isPresent();
    assertThat(PRINCIPALS.authenticate("Bearer st-user-wrong")).isEmpty();
    assertThat(PRINCIPALS.authenticate("Bearer st-nodash")).isEmpty();
    assertThat(PRINCIPALS.authenticate("Bearer eyJhbGciOi")).isEmpty();
  }

  @Test
  void tablesAndPermissionsRestrictAPrincipal() {
    BasicAuthPrincipals.Principal user = PRINCIPALS.authenticate(BasicAuthPrincipals.basicHeader("user", "secret"))
        .orElseThrow();
    assertThat(user.hasTable("baseballstats")).isTrue();
    assertThat(user.hasTable("trips")).isTrue();
    assertThat(user.hasTable("orders")).isFalse();
    assertThat(user.hasPermission("READ")).isTrue();
    assertThat(user.hasPermission("create")).isFalse();
    BasicAuthPrincipals.Principal admin = PRINCIPALS.authenticate(BasicAuthPrincipals.basicHeader("admin",
        "verysecret")).orElseThrow();
    assertThat(admin.hasTable("anything")).isTrue();
    assertThat(admin.hasPermission("DELETE")).isTrue();
  }

  @Test
  void noPrincipalsMeansNoChecksAndAMissingPasswordIsAnError() {
    assertThat(BasicAuthPrincipals.from(PinotConfiguration.empty(), "x").isEnabled()).isFalse();
    assertThatThrownBy(() -> BasicAuthPrincipals.from(PinotConfiguration.empty().with("x.principals", "a"), "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.principals.a.password");
  }
}
