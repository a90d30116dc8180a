// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;

/// A [MutableDictionary] as seen by one snapshot: exactly the `length` distinct values of the snapshot's
/// documents, with ids in insertion order (the first document's value is id 0).
///
/// **Not sorted** ([#sorted()] is false): id ranges are not value ranges and id order is not value order, so
/// [#insertionIndexOf] throws [UnsupportedOperationException]. Planners must evaluate range predicates value by
/// value over ids `[0, length)`, order by values rather than ids, and take minimum and maximum from the column
/// metadata rather than the first and last ids. Equality lookups ([#indexOf]) are hash lookups.
///
/// Thread-safe: immutable view; reads only values published before the snapshot's document count.
final class MutableDictionaryView implements Dictionary {
  private final MutableDictionary dictionary;
  private final int length;

  MutableDictionaryView(MutableDictionary dictionary, int length) {
    this.dictionary = dictionary;
    this.length = length;
  }

  @Override
  public DataType valueType() {
    return dictionary.storedType();
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public boolean sorted() {
    return false;
  }

  @Override
  public int indexOf(Object value) {
    return dictionary.lookup(value, length);
  }

  @Override
  public int insertionIndexOf(Object value) {
    throw new UnsupportedOperationException("The dictionary of a mutable segment is not sorted: evaluate ranges "
        + "value by value");
  }

  @Override
  public Object get(int dictId) {
    return dictionary.get(checked(dictId));
  }

  @Override
  public int getIntValue(int dictId) {
    return dictionary.getInt(checked(dictId));
  }

  @Override
  public long getLongValue(int dictId) {
    return dictionary.getLong(checked(dictId));
  }

  @Override
  public float getFloatValue(int dictId) {
    return dictionary.getFloat(checked(dictId));
  }

  @Override
  public double getDoubleValue(int dictId) {
    return dictionary.getDouble(checked(dictId));
  }

  @Override
  public String getStringValue(int dictId) {
    return dictionary.getString(checked(dictId));
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    return dictionary.getBytes(checked(dictId));
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    dictionary.readInts(dictIds, length, out);
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    dictionary.readLongs(dictIds, length, out);
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    dictionary.readFloats(dictIds, length, out);
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    dictionary.readDoubles(dictIds, length, out);
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    dictionary.readStrings(dictIds, length, out);
  }

  /// Single-value reads check the id: an id past the snapshot would read a value the snapshot does not hold.
  private int checked(int dictId) {
    if (dictId < 0 || dictId >= length) {
      throw new IndexOutOfBoundsException("dictId " + dictId + " out of [0, " + length + ")");
    }
    return dictId;
  }

  @Override
  public String toString() {
    return "MutableDictionaryView[" + dictionary.storedType() + ", " + length + " values]";
  }
}
