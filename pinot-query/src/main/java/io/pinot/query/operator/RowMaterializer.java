// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Reads the selected columns and expressions of a block into rows of stored Java values (multi-value columns as
/// primitive or `String` arrays). Allocates one array per row and value, so it is only used for the rows a
/// selection returns. Under `enableNullHandling`, values where the expression is null (see [NullBitmaps]) are Java
/// nulls. Not thread-safe: one per segment execution.
final class RowMaterializer {
  private final ProjectionBlock block;
  private final int[] slots;
  private final @Nullable ImmutableRoaringBitmap[] nulls;

  RowMaterializer(ProjectionBlock block, List<Expression> columns, boolean nullHandling) {
    this.block = block;
    this.slots = new int[columns.size()];
    this.nulls = new ImmutableRoaringBitmap[columns.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = block.slot(columns.get(i));
      if (nullHandling) {
        nulls[i] = NullBitmaps.ofExpression(block.segment(), columns.get(i));
      }
    }
  }

  /// The rows of the block's first `length` documents.
  Object[][] rows(int length) {
    Object[][] rows = new Object[length][slots.length];
    for (int c = 0; c < slots.length; c++) {
      if (block.isSingleValue(slots[c])) {
        fillSingleValue(rows, c, length);
      } else {
        fillMultiValue(rows, c, length);
      }
      if (nulls[c] != null) {
        int[] docIds = block.docIds();
        for (int i = 0; i < length; i++) {
          if (nulls[c].contains(docIds[i])) {
            rows[i][c] = null;
          }
        }
      }
    }
    return rows;
  }

  private void fillSingleValue(Object[][] rows, int column, int length) {
    int slot = slots[column];
    switch (block.storedType(slot)) {
      case INT -> {
        int[] values = block.intValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
      case LONG -> {
        long[] values = block.longValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
      case FLOAT -> {
        float[] values = block.floatValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
      case DOUBLE -> {
        double[] values = block.doubleValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
      case BIG_DECIMAL -> {
        String[] values = block.stringValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = new BigDecimal(values[i]);
        }
      }
      case BYTES -> {
        byte[][] values = block.bytesValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
      default -> {
        String[] values = block.stringValues(slot);
        for (int i = 0; i < length; i++) {
          rows[i][column] = values[i];
        }
      }
    }
  }

  private void fillMultiValue(Object[][] rows, int column, int length) {
    int slot = slots[column];
    Dictionary dictionary = block.dictionary(slot);
    if (dictionary == null) {
      Object[] arrays = block.arrayValues(slot);
      for (int i = 0; i < length; i++) {
        rows[i][column] = arrays[i];
      }
      return;
    }
    int[] offsets = block.mvOffsets(slot);
    int[] dictIds = block.mvDictIds(slot);
    DataType type = block.storedType(slot);
    for (int i = 0; i < length; i++) {
      int start = offsets[i];
      int count = offsets[i + 1] - start;
      rows[i][column] = switch (type) {
        case INT -> {
          int[] values = new int[count];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getIntValue(dictIds[start + k]);
          }
          yield values;
        }
        case LONG -> {
          long[] values = new long[count];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getLongValue(dictIds[start + k]);
          }
          yield values;
        }
        case FLOAT -> {
          float[] values = new float[count];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getFloatValue(dictIds[start + k]);
          }
          yield values;
        }
        case DOUBLE -> {
          double[] values = new double[count];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getDoubleValue(dictIds[start + k]);
          }
          yield values;
        }
        case BYTES -> {
          byte[][] values = new byte[count][];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getBytesValue(dictIds[start + k]);
          }
          yield values;
        }
        default -> {
          String[] values = new String[count];
          for (int k = 0; k < count; k++) {
            values[k] = dictionary.getStringValue(dictIds[start + k]);
          }
          yield values;
        }
      };
    }
  }
}
