// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.CustomObject;
import org.junit.jupiter.api.Test;

/// The representations of DISTINCTCOUNT's per-group sets — bitmap of int-range values, sorted array, hash set —
/// mix without losing or double-counting values, and survive the intermediate serialization.
class DistinctValuesTest {
  @Test
  void intRangeSortedValuesUnionAsBitmapsAcrossSegments() {
    DistinctValues total = new DistinctValues();
    for (int segment = 0; segment < 5; segment++) {
      long[] values = new long[1000];
      for (int i = 0; i < values.length; i++) {
        values[i] = 1_000_000_000L + segment * 500L + i;
      }
      DistinctValues one = new DistinctValues();
      one.addSortedLongs(values, values.length);
      total.addAll(one);
    }
    assertThat(total.size()).isEqualTo(4 * 500 + 1000);
    CustomObject wire = total.serialize();
    assertThat(wire.type()).isEqualTo(ObjectTypes.INT_BITMAP);
    DistinctValues decoded = new DistinctValues();
    decoded.addSerialized(wire);
    assertThat(decoded.size()).isEqualTo(3000);
  }

  @Test
  void negativeAndOutOfIntRangeValuesMixWithTheBitmap() {
    DistinctValues set = new DistinctValues();
    set.addSortedLongs(new long[]{Integer.MIN_VALUE, -5, -1, 3, Integer.MAX_VALUE}, 5);
    set.addSortedLongs(new long[]{-5, 3, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}, 4);
    assertThat(set.size()).isEqualTo(7);
    DistinctValues other = new DistinctValues();
    other.addSortedLongs(new long[]{-1, 4}, 2);
    set.addAll(other);
    assertThat(set.size()).isEqualTo(8);
    DistinctValues hashed = new DistinctValues();
    hashed.addLong(-5);
    hashed.addLong(100);
    DistinctValues bitmap = new DistinctValues();
    bitmap.addSortedLongs(new long[]{-5, 7}, 2);
    hashed.addAll(bitmap);
    assertThat(hashed.size()).isEqualTo(3);
    DistinctValues fromWire = new DistinctValues();
    fromWire.addLong(7);
    fromWire.addSerialized(set.serialize());
    assertThat(fromWire.size()).isEqualTo(9);
  }

  @Test
  void aBitmapJoinsASetThatAlreadyHoldsSortedValues() {
    DistinctValues sorted = new DistinctValues();
    sorted.addSortedLongs(new long[]{1, Long.MAX_VALUE}, 2);
    DistinctValues bitmap = new DistinctValues();
    bitmap.addSortedLongs(new long[]{1, 2, 3}, 3);
    sorted.addAll(bitmap);
    assertThat(sorted.size()).isEqualTo(4);
    DistinctValues empty = new DistinctValues();
    empty.addSortedLongs(new long[0], 0);
    assertThat(empty.size()).isZero();
    assertThat(empty.serialize().type()).isEqualTo(ObjectTypes.SORTED_LONGS);
  }

  @Test
  void unsortedRepeatedIntsFromManySegmentsCountOnce() {
    java.util.Random random = new java.util.Random(3);
    java.util.Set<Integer> expected = new java.util.HashSet<>();
    DistinctValues total = new DistinctValues();
    for (int segment = 0; segment < 8; segment++) {
      DistinctValues one = new DistinctValues();
      for (int batch = 0; batch < 3; batch++) {
        int[] values = new int[5000];
        for (int i = 0; i < values.length; i++) {
          // a narrow range (bit-array drain) for most segments, a range wider than 2^24 (sorting drain) for two
          values[i] = segment < 6 ? 1_000_000_000 + random.nextInt(40_000) : random.nextInt() >> (segment - 6);
          expected.add(values[i]);
        }
        one.addInts(values, values.length);
      }
      total.addAll(one);
    }
    assertThat(total.size()).isEqualTo(expected.size());
    DistinctValues decoded = new DistinctValues();
    decoded.addSerialized(total.serialize());
    assertThat(decoded.size()).isEqualTo(expected.size());
  }

  @Test
  void pendingIntsJoinTheOtherRepresentations() {
    DistinctValues set = new DistinctValues();
    set.addInts(new int[]{-3, 7, 7, Integer.MIN_VALUE, 12}, 5);
    set.addSortedLongs(new long[]{7, 13}, 2);
    assertThat(set.size()).isEqualTo(5);
    // a value beyond the int range turns the set into a hash set, keeping the pending values
    set.addSortedLongs(new long[]{-3, Integer.MAX_VALUE + 10L}, 2);
    set.addInts(new int[]{12, 14}, 2);
    assertThat(set.size()).isEqualTo(7);
    DistinctValues other = new DistinctValues();
    other.addInts(new int[]{14, 15, -3}, 3);
    set.addAll(other);
    assertThat(set.size()).isEqualTo(8);
  }
}
