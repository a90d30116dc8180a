// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Identifier;
import io.pinot.query.reduce.AggregationResult;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import java.util.List;

/// Answers aggregations of a whole segment (no filter) without reading documents, as Pinot's
/// non-scan aggregation does: COUNT from the document count, MIN and MAX from the column's recorded
/// minimum and maximum (or its sorted dictionary's ends), DISTINCTCOUNT and DISTINCTCOUNTHLL from the dictionary
/// (every value of a segment's dictionary occurs in it).
/// Thread-safe (no state).
public final class MetadataAggregation {
  private MetadataAggregation() {
  }

  /// Whether every function can be answered from metadata on this segment.
  public static boolean canAnswer(List<AggregationFunction> functions, IndexSegment segment) {
    for (AggregationFunction function : functions) {
      if (!canAnswer(function, segment)) {
        return false;
      }
    }
    return true;
  }

  private static boolean canAnswer(AggregationFunction function, IndexSegment segment) {
    if (function instanceof CountFunction) {
      return true;
    }
    if (!(function.argument() instanceof Identifier identifier)) {
      return false;
    }
    DataSource dataSource = segment.dataSource(identifier.name());
    if (dataSource == null) {
      return false;
    }
    ColumnMetadata metadata = dataSource.metadata();
    return switch (function) {
      case MinMaxFunction minMax -> metadata.singleValue()
          && (dataSource.dictionary() != null && dataSource.dictionary().sorted()
          || (minMax.max() ? metadata.maxValue() : metadata.minValue()) instanceof Number);
      case DistinctCountFunction distinct -> dataSource.dictionary() != null;
      case DistinctCountHllFunction hll -> dataSource.dictionary() != null && metadata.singleValue()
          && switch (dataSource.dictionary().valueType()) {
            case INT, LONG, FLOAT, DOUBLE, STRING, BIG_DECIMAL -> true;
            default -> false;
          };
      default -> false;
    };
  }

  /// Folds the segment's answers into `into` (call only after [#canAnswer] returned true).
  public static void answer(List<AggregationFunction> functions, IndexSegment segment, AggregationResult into) {
    for (int i = 0; i < functions.size(); i++) {
      AggregationFunction function = functions.get(i);
      ResultHolder holder = into.holder(i);
      if (function instanceof CountFunction) {
        addCount(holder, segment.numDocs());
        continue;
      }
      DataSource dataSource = segment.dataSource(((Identifier) function.argument()).name());
      Dictionary dictionary = dataSource.dictionary();
      if (segment.numDocs() == 0) {
        continue;
      }
      if (function instanceof MinMaxFunction minMax) {
        Object recorded = minMax.max() ? dataSource.metadata().maxValue() : dataSource.metadata().minValue();
        double value = recorded instanceof Number number ? number.doubleValue()
            : dictionary.getDoubleValue(minMax.max() ? dictionary.length() - 1 : 0);
        ((MinMaxFunction.Holder) holder).accept(0, value);
      } else if (function instanceof DistinctCountHllFunction) {
        ((DistinctCountHllFunction.Holder) holder).addDictionary(dictionary);
      } else {
        DistinctCountFunction.addDictionary(holder, dictionary);
      }
    }
  }

  /// Adds a document count to a COUNT holder's group 0.
  public static void addCount(ResultHolder holder, long count) {
    ((CountFunction.Holder) holder).add(0, count);
  }
}
