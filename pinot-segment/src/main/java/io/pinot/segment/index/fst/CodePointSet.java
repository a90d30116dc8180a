// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import java.util.Arrays;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;

/// A set of Unicode code points kept as sorted, disjoint, non-adjacent inclusive ranges: the character classes of
/// regular expressions. Not thread-safe while built; used only while compiling a pattern.
final class CodePointSet {
  static final int MAX = Character.MAX_CODE_POINT;

  /// Ranges packed as `start << 32 | end`, in insertion order until [#normalize()].
  private long[] ranges = new long[8];
  private int size;

  static CodePointSet of(int codePoint) {
    return new CodePointSet().add(codePoint, codePoint);
  }

  static CodePointSet range(int start, int end) {
    return new CodePointSet().add(start, end);
  }

  CodePointSet add(int start, int end) {
    if (start > end) {
      throw new IllegalArgumentException("Empty code point range " + start + ".." + end);
    }
    if (size == ranges.length) {
      ranges = Arrays.copyOf(ranges, size * 2);
    }
    ranges[size++] = (long) start << 32 | end;
    return this;
  }

  CodePointSet addAll(CodePointSet other) {
    for (int i = 0; i < other.size; i++) {
      add(start(other.ranges[i]), end(other.ranges[i]));
    }
    return this;
  }

  /// Every code point not in this set.
  CodePointSet complement() {
    normalize();
    CodePointSet result = new CodePointSet();
    int next = 0;
    for (int i = 0; i < size; i++) {
      if (start(ranges[i]) > next) {
        result.add(next, start(ranges[i]) - 1);
      }
      next = end(ranges[i]) + 1;
    }
    if (next <= MAX) {
      result.add(next, MAX);
    }
    return result;
  }

  /// An automaton accepting exactly one code point of the set (none when the set is empty).
  Automaton toAutomaton() {
    normalize();
    if (size == 0) {
      return Automata.makeEmpty();
    }
    int[] starts = new int[size];
    int[] ends = new int[size];
    for (int i = 0; i < size; i++) {
      starts[i] = start(ranges[i]);
      ends[i] = end(ranges[i]);
    }
    return Automata.makeCharClass(starts, ends);
  }

  /// Sorts and merges overlapping or adjacent ranges.
  private void normalize() {
    Arrays.sort(ranges, 0, size);
    int merged = 0;
    for (int i = 0; i < size; i++) {
      int start = start(ranges[i]);
      int end = end(ranges[i]);
      if (merged > 0 && start <= end(ranges[merged - 1]) + 1) {
        int previousStart = start(ranges[merged - 1]);
        ranges[merged - 1] = (long) previousStart << 32 | Math.max(end, end(ranges[merged - 1]));
      } else {
        ranges[merged++] = (long) start << 32 | end;
      }
    }
    size = merged;
  }

  private static int start(long range) {
    return (int) (range >>> 32);
  }

  private static int end(long range) {
    return (int) range;
  }
}
