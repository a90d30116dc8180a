// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/// The parsed filter of a `JSON_MATCH(column, 'filter')` predicate, evaluated by a [JsonIndexReader] against the
/// flattened records of each document (so that conditions joined by AND must hold in the same array element).
///
/// Paths are as written by the user: JSONPath style (`$.a.b`, `$.arr[*].c`, `$.arr[0].c`, `$[1]`, `$`) or the
/// legacy form without `$` (`a.b`). Values are the text forms of the literals (`30`, `true`, `abc`): the index
/// compares them with the text of the JSON values. Immutable.
public sealed interface JsonFilter {

  /// Every child must match the same flattened record.
  record And(List<JsonFilter> children) implements JsonFilter {
    public And {
      children = List.copyOf(children);
    }
  }

  /// At least one child must match the flattened record.
  record Or(List<JsonFilter> children) implements JsonFilter {
    public Or {
      children = List.copyOf(children);
    }
  }

  /// A condition on the value at one path.
  sealed interface Leaf extends JsonFilter {
    String path();
  }

  /// `"path" = 'value'`.
  record Eq(String path, String value) implements Leaf {
    public Eq {
      requireNonNull(path, "path is null");
      requireNonNull(value, "value is null");
    }
  }

  /// `"path" != 'value'`: the path exists with another value.
  record NotEq(String path, String value) implements Leaf {
    public NotEq {
      requireNonNull(path, "path is null");
      requireNonNull(value, "value is null");
    }
  }

  /// `"path" IN (values)`.
  record In(String path, List<String> values) implements Leaf {
    public In {
      requireNonNull(path, "path is null");
      values = List.copyOf(values);
    }
  }

  /// `"path" NOT IN (values)`: the path exists with a value outside the list.
  record NotIn(String path, List<String> values) implements Leaf {
    public NotIn {
      requireNonNull(path, "path is null");
      values = List.copyOf(values);
    }
  }

  /// `"path" IS NOT NULL`: the path exists.
  record IsNotNull(String path) implements Leaf {
    public IsNotNull {
      requireNonNull(path, "path is null");
    }
  }

  /// `"path" IS NULL`: no flattened record of the document has the path. Only valid as the whole filter (it is
  /// evaluated on documents, not on flattened records).
  record IsNull(String path) implements Leaf {
    public IsNull {
      requireNonNull(path, "path is null");
    }
  }

  /// `"path"` between optional bounds (`<`, `<=`, `>`, `>=`, `BETWEEN`); values compare as doubles when
  /// `numeric` (values that are not numbers never match), else as strings.
  record Range(String path, @Nullable String lower, boolean lowerInclusive, @Nullable String upper,
               boolean upperInclusive, boolean numeric) implements Leaf {
    public Range {
      requireNonNull(path, "path is null");
      if (lower == null && upper == null) {
        throw new IllegalArgumentException("A range needs a bound");
      }
    }
  }

  /// `REGEXP_LIKE("path", 'pattern')`: the whole value matches the Java regular expression.
  record RegexpLike(String path, String pattern) implements Leaf {
    public RegexpLike {
      requireNonNull(path, "path is null");
      requireNonNull(pattern, "pattern is null");
    }
  }
}
