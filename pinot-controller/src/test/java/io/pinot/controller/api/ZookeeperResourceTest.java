// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.http.RestException;
import org.junit.jupiter.api.Test;

class ZookeeperResourceTest {
  @Test
  void acceptsAbsolutePaths() {
    assertThat(ZookeeperResource.validated("/")).isEqualTo("/");
    assertThat(ZookeeperResource.validated(" /PinotCluster/IDEALSTATES ")).isEqualTo("/PinotCluster/IDEALSTATES");
  }

  @Test
  void rejectsPathsZooKeeperWouldRefuseWith400() {
    for (String bad : new String[] {null, "", "PinotCluster", "/a/", "/a//b", "/a/./b", "/a/../b", "/a\u0001b"}) {
      assertThatThrownBy(() -> ZookeeperResource.validated(bad)).as(String.valueOf(bad))
          .isInstanceOfSatisfying(RestException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
    }
  }
}
