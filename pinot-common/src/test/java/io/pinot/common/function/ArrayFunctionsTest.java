// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayFunctionsTest {
  @Test
  void aggregatesOverMultiValues() {
    assertThat(call("arrayLength", (Object) new Object[] {1, 2, 3})).isEqualTo(3);
    assertThat(call("cardinality", (Object) new Object[0])).isEqualTo(0);
    assertThat(call("arrayLength", "single")).isEqualTo(1);
    assertThat(call("arrayMax", (Object) new Object[] {3, 9, null, -1})).isEqualTo(9);
    assertThat(call("arrayMin", (Object) new Object[] {3.5, 9, -1L})).isEqualTo(-1L);
    assertThat(call("arrayMax", (Object) new Object[] {"b", "c", "a"})).isEqualTo("c");
    assertThat(call("arrayMin", (Object) new Object[0])).isNull();
    assertThat(call("arraySum", (Object) new Object[] {1, 2.5, null})).isEqualTo(3.5);
    assertThat(call("arraySum", (Object) new Object[0])).isEqualTo(0.0);
    assertThat(call("arrayAverage", (Object) new Object[] {1, 2})).isEqualTo(1.5);
    assertThat(call("arrayAverage", (Object) new Object[0])).isNull();
    assertThat(call("arraySumInt", new int[] {Integer.MAX_VALUE, 1})).isEqualTo(Integer.MIN_VALUE);
    assertThat(call("arraySumLong", List.of(1L, 2L))).isEqualTo(3L);
  }

  @Test
  void reshaping() {
    assertThat(call("arrayDistinct", (Object) new Object[] {"b", "a", "b"})).isEqualTo(new Object[] {"b", "a"});
    assertThat(call("arrayDistinctInt", (Object) new Object[] {1, "1", 2})).isEqualTo(new Object[] {1, 2});
    assertThat(call("arrayReverse", (Object) new Object[] {1, 2, 3})).isEqualTo(new Object[] {3, 2, 1});
    assertThat(call("arrayReverseString", (Object) new Object[] {"a", "b"})).isEqualTo(new Object[] {"b", "a"});
    assertThat(call("arraySort", (Object) new Object[] {3, null, 1})).isEqualTo(new Object[] {null, 1, 3});
    assertThat(call("arraySortString", (Object) new Object[] {"b", "a"})).isEqualTo(new Object[] {"a", "b"});
    assertThat(call("arraySortInt", (Object) new Object[] {10, 9})).isEqualTo(new Object[] {9, 10});
    assertThat(call("arraySliceInt", new Object[] {1, 2, 3, 4}, 1, 3)).isEqualTo(new Object[] {2, 3});
    assertThat(call("arraySliceString", new Object[] {"a"}, 0, 1)).isEqualTo(new Object[] {"a"});
    assertThat(call("arrayConcatLong", new Object[] {1L}, new Object[] {2})).isEqualTo(new Object[] {1L, 2L});
    assertThat(call("arrayConcatDouble", new Object[] {1.5}, new Object[0])).isEqualTo(new Object[] {1.5});
    assertThat(call("arrayPushBackString", new Object[] {"a"}, "b")).isEqualTo(new Object[] {"a", "b"});
    assertThat(call("arrayPushFrontInt", new Object[] {2}, 1)).isEqualTo(new Object[] {1, 2});
    assertThat(call("arrayRemoveInt", new Object[] {1, 2, 1}, 1)).isEqualTo(new Object[] {2, 1});
    assertThat(call("arrayUnionString", new Object[] {"a", "b"}, new Object[] {"b", "c"}))
        .isEqualTo(new Object[] {"a", "b", "c"});
    assertThat(call("array", 1, null, "x")).isEqualTo(new Object[] {1, null, "x"});
    assertThat(call("arrayValueConstructor")).isEqualTo(new Object[0]);
    assertThat(call("generateIntArray", 1, 7, 3)).isEqualTo(new Object[] {1, 4, 7});
    assertThat(call("generateLongArray", 5L, 1L, -2L)).isEqualTo(new Object[] {5L, 3L, 1L});
    assertThat(call("arrayToString", new Object[] {"a", null, "c"}, "-")).isEqualTo("a-null-c");
    assertThat(call("arrayToString", new Object[] {"a", null, ""}, "-", "?")).isEqualTo("a-?-?");
  }

  @Test
  void lookups() {
    assertThat(call("arrayIndexOfInt", new Object[] {5, 6}, 6)).isEqualTo(1);
    assertThat(call("arrayIndexOfString", new Object[] {"x"}, "y")).isEqualTo(-1);
    assertThat(call("arrayContainsString", new Object[] {"x", "y"}, "y")).isEqualTo(true);
    assertThat(call("arrayContainsInt", new Object[] {1}, "1")).isEqualTo(true);
    assertThat(call("arrayElementAtInt", new Object[] {7, 8}, 1)).isEqualTo(7);
    assertThat(call("arrayElementAtInt", new Object[] {7, 8}, 3)).isEqualTo(0);
    assertThat(call("arrayElementAtLong", new Object[] {7L}, 0)).isEqualTo(0L);
    assertThat(call("arrayElementAtFloat", new Object[] {1.5f}, 1)).isEqualTo(1.5f);
    assertThat(call("arrayElementAtDouble", new Object[0], 1)).isEqualTo(0.0);
    assertThat(call("arrayElementAtString", new Object[] {"a"}, 2)).isEqualTo("");
  }
}
