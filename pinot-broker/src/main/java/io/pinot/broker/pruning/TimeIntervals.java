// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// Set operations on sorted lists of disjoint [TimeInterval]s (the times a filter accepts). Stateless.
final class TimeIntervals {
  private TimeIntervals() {
  }

  /// The interval `[start, end]` as a list, empty when `start > end`.
  static List<TimeInterval> of(long start, long end) {
    return start <= end ? List.of(new TimeInterval(start, end)) : List.of();
  }

  /// Sorts and merges overlapping or touching intervals.
  static List<TimeInterval> normalize(List<TimeInterval> intervals) {
    List<TimeInterval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(TimeInterval::start));
    List<TimeInterval> merged = new ArrayList<>(sorted.size());
    for (TimeInterval interval : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && (merged.get(last).end() == Long.MAX_VALUE || interval.start() <= merged.get(last).end() + 1)) {
        TimeInterval previous = merged.get(last);
        merged.set(last, new TimeInterval(previous.start(), Math.max(previous.end(), interval.end())));
      } else {
        merged.add(interval);
      }
    }
    return merged;
  }

  static List<TimeInterval> union(List<TimeInterval> first, List<TimeInterval> second) {
    List<TimeInterval> all = new ArrayList<>(first);
    all.addAll(second);
    return normalize(all);
  }

  static List<TimeInterval> intersection(List<TimeInterval> first, List<TimeInterval> second) {
    List<TimeInterval> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < first.size() && j < second.size()) {
      TimeInterval a = first.get(i);
      TimeInterval b = second.get(j);
      if (a.intersects(b)) {
        result.add(new TimeInterval(Math.max(a.start(), b.start()), Math.min(a.end(), b.end())));
      }
      if (a.end() <= b.end()) {
        i++;
      } else {
        j++;
      }
    }
    return result;
  }

  /// The times outside the given sorted disjoint intervals.
  static List<TimeInterval> complement(List<TimeInterval> intervals) {
    List<TimeInterval> result = new ArrayList<>();
    long next = Long.MIN_VALUE;
    for (TimeInterval interval : intervals) {
      if (interval.start() > next) {
        result.add(new TimeInterval(next, interval.start() - 1));
      }
      if (interval.end() == Long.MAX_VALUE) {
        return result;
      }
      next = interval.end() + 1;
    }
    result.add(new TimeInterval(next, Long.MAX_VALUE));
    return result;
  }
}
