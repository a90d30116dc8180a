// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.function.ScalarType;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.ingestion.ComplexTypeConfig;
import io.pinot.spi.config.table.ingestion.ComplexTypeConfig.CollectionNotUnnestedToJson;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Applies `complexTypeConfig` to one input record, as Pinot's `ComplexTypeTransformer`:
/// 1. every nested map is flattened into `parent<delimiter>child` fields (recursively; the map itself stays);
///    inside the elements of collections to unnest, nested maps are flattened the same way;
/// 2. collections that are not unnested become JSON text or stay arrays (multi-value) according to
///    `collectionNotUnnestedToJson` (`NON_PRIMITIVE` turns collections of maps or collections into JSON);
/// 3. each field of `fieldsToUnnest` (in name order, so parents before children) is exploded: one output record per
///    element, whose map entries become `field<delimiter>key` fields (a primitive element becomes the field's
///    value); an empty or missing collection leaves the record as it is;
/// 4. `prefixesToRename` renames fields starting with a prefix; a rename onto an existing field is an error.
///
/// Lists and arrays are treated alike. Immutable and thread-safe (records are modified in place).
final class ComplexTypeFlattener {
  private final List<String> fieldsToUnnest;
  private final String delimiter;
  private final CollectionNotUnnestedToJson toJson;
  private final Map<String, String> renames;
  private final Set<String> keepOriginal;

  /// @param neededColumns columns read downstream (schema and transform inputs): an unnested collection whose
  ///     (renamed) name is among them keeps its original value next to the unnested fields
  ComplexTypeFlattener(ComplexTypeConfig config, Set<String> neededColumns) {
    List<String> sorted = new ArrayList<>(config.unnestFields());
    sorted.sort(null);
    this.fieldsToUnnest = List.copyOf(sorted);
    this.delimiter = config.effectiveDelimiter();
    this.toJson = config.effectiveCollectionNotUnnestedToJson();
    this.renames = new LinkedHashMap<>(config.renames());
    java.util.Set<String> keep = new java.util.HashSet<>();
    for (String field : fieldsToUnnest) {
      if (neededColumns.contains(rename(field))) {
        keep.add(field);
      }
    }
    this.keepOriginal = Set.copyOf(keep);
  }

  /// The records `record` turns into (at least one).
  ///
  /// @throws IllegalArgumentException when a rename collides with an existing field
  List<GenericRow> apply(GenericRow record) {
    Map<String, @Nullable Object> originals = new LinkedHashMap<>();
    for (String field : keepOriginal) {
      if (record.hasColumn(field)) {
        originals.put(field, record.getValue(field));
      }
    }
    flattenFields(record.fields(), new ArrayList<>(record.fields().keySet()), "");
    List<GenericRow> records = List.of(record);
    for (String field : fieldsToUnnest) {
      List<GenericRow> unnested = new ArrayList<>(records.size());
      for (GenericRow row : records) {
        unnest(row, field, unnested);
      }
      records = unnested;
    }
    for (GenericRow row : records) {
      for (Map.Entry<String, @Nullable Object> original : originals.entrySet()) {
        row.fields().putIfAbsent(original.getKey(), original.getValue());
      }
      if (!renames.isEmpty()) {
        renamePrefixes(row);
      }
    }
    return records;
  }

  /// Flattens the maps among `names` of `fields` into the same `fields`, prefixing names with `pathPrefix` for
  /// matching the unnest list (the stored names stay relative to `fields`).
  private void flattenFields(Map<String, @Nullable Object> fields, List<String> names, String pathPrefix) {
    for (String name : names) {
      Object value = fields.get(name);
      String path = pathPrefix + name;
      if (value instanceof Map<?, ?> map) {
        List<String> nested = new ArrayList<>();
        for (Map.Entry<?, ?> entry : new ArrayList<>(map.entrySet())) {
          String flattened = name + delimiter + entry.getKey();
          fields.put(flattened, entry.getValue());
          if (isComplex(entry.getValue())) {
            nested.add(flattened);
          }
        }
        flattenFields(fields, nested, pathPrefix);
      } else if (value instanceof Collection<?> || value instanceof Object[]) {
        Object[] elements = value instanceof Collection<?> collection ? collection.toArray() : (Object[]) value;
        if (fieldsToUnnest.contains(path)) {
          for (Object element : elements) {
            if (element instanceof Map<?, ?> elementMap) {
              Map<String, @Nullable Object> inner = stringKeys(elementMap);
              flattenFields(inner, new ArrayList<>(inner.keySet()), path + delimiter);
              replaceElement(elements, element, inner);
            }
          }
          fields.put(name, elements);
        } else if (shallConvertToJson(elements)) {
          fields.put(name, JsonUtils.toJson(ScalarType.jsonValue(elements)));
        }
      }
    }
  }

  private static void replaceElement(Object[] elements, Object old, Object replacement) {
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == old) {
        elements[i] = replacement;
        return;
      }
    }
  }

  private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), entry.getValue());
    }
    return copy;
  }

  private void unnest(GenericRow record, String field, List<GenericRow> out) {
    Object value = record.getValue(field);
    Object[] elements = value instanceof Collection<?> collection ? collection.toArray()
        : value instanceof Object[] array ? array : null;
    if (elements == null || elements.length == 0) {
      out.add(record);
      return;
    }
    record.fields().remove(field);
    for (Object element : elements) {
      GenericRow copy = new GenericRow();
      copy.fields().putAll(record.fields());
      if (element instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          copy.putValue(field + delimiter + entry.getKey(), entry.getValue());
        }
      } else {
        copy.putValue(field, element);
      }
      out.add(copy);
    }
  }

  private boolean shallConvertToJson(Object[] elements) {
    return switch (toJson) {
      case ALL -> true;
      case NONE -> false;
      case NON_PRIMITIVE -> elements.length > 0 && isComplex(elements[0]);
    };
  }

  private static boolean isComplex(@Nullable Object value) {
    return value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[];
  }

  private void renamePrefixes(GenericRow record) {
    for (String field : new ArrayList<>(record.fields().keySet())) {
      String renamed = rename(field);
      if (renamed.equals(field)) {
        continue;
      }
      Object value = record.fields().remove(field);
      if (renamed.isEmpty() || record.getValue(renamed) != null) {
        throw new IllegalArgumentException("Name conflict after renaming field[" + field + "] to [" + renamed + "]");
      }
      record.putValue(renamed, value);
    }
  }

  private String rename(String field) {
    for (Map.Entry<String, String> entry : renames.entrySet()) {
      if (field.startsWith(entry.getKey())) {
        return entry.getValue() + field.substring(entry.getKey().length());
      }
    }
    return field;
  }
}
