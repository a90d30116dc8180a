// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueInternerTest {
  @Test
  void assignsDenseIdsInFirstSeenOrderAcrossRehashes() {
    ValueInterner interner = new ValueInterner();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 10_000; i++) {
        assertThat(interner.intern("v" + i)).isEqualTo(i);
      }
    }
    assertThat(interner.size()).isEqualTo(10_000);
    assertThat(interner.values()[1234]).isEqualTo("v1234");
  }

  @Test
  void comparesByteArraysByContent() {
    ValueInterner interner = new ValueInterner();
    assertThat(interner.intern(new byte[] {1, 2})).isZero();
    assertThat(interner.intern(new byte[] {1, 2})).isZero();
    assertThat(interner.intern(new byte[] {2, 1})).isEqualTo(1);
    assertThat(interner.intern(new byte[0])).isEqualTo(2);
    assertThat(interner.size()).isEqualTo(3);
  }
}
