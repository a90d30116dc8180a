// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The string values of every document of a column, read in increasing doc id order, for building a text index:
/// from the dictionary ids collected at segment creation, or from the readers of a loaded segment on reload.
/// Not thread-safe.
public interface TextDocuments {
  /// Number of documents.
  int numDocs();

  /// Replaces the content of `out` with the values of document `doc` (one for a single-value column). Documents
  /// must be read in increasing order.
  void read(int doc, List<String> out);

  /// Documents given by dictionary ids: single-value when `starts` is null (`dictIds[doc]`), else document `d`
  /// holds `dictIds[starts[d] .. starts[d + 1])`.
  static TextDocuments ofDictIds(Dictionary dictionary, int[] dictIds, int @Nullable [] starts, int numDocs) {
    return new TextDocuments() {
      @Override
      public int numDocs() {
        return numDocs;
      }

      @Override
      public void read(int doc, List<String> out) {
        out.clear();
        if (starts == null) {
          out.add(dictionary.getStringValue(dictIds[doc]));
          return;
        }
        for (int i = starts[doc]; i < starts[doc + 1]; i++) {
          out.add(dictionary.getStringValue(dictIds[i]));
        }
      }
    };
  }

  /// The documents of a column of a loaded segment.
  static TextDocuments of(DataSource source, int numDocs) {
    return new ForwardIndexDocuments(source, numDocs);
  }

  /// Reads a loaded column block by block (single-value) or document by document (multi-value).
  final class ForwardIndexDocuments implements TextDocuments {
    private static final int BLOCK = 4096;

    private final ForwardIndexReader forward;
    private final @Nullable Dictionary dictionary;
    private final int numDocs;
    private final boolean singleValue;
    private final int[] docIds = new int[BLOCK];
    private final int[] dictIdBlock = new int[BLOCK];
    private final String[] valueBlock = new String[BLOCK];
    private int[] mvDictIds;
    private String[] mvValues;
    private int blockStart = -1;

    ForwardIndexDocuments(DataSource source, int numDocs) {
      this.forward = source.forwardIndex();
      this.dictionary = source.dictionary();
      this.numDocs = numDocs;
      this.singleValue = source.metadata().singleValue();
      int maxValues = Math.max(1, source.metadata().maxNumberOfMultiValues());
      this.mvDictIds = new int[maxValues];
      this.mvValues = new String[maxValues];
    }

    @Override
    public int numDocs() {
      return numDocs;
    }

    @Override
    public void read(int doc, List<String> out) {
      out.clear();
      if (singleValue) {
        if (blockStart < 0 || doc < blockStart || doc >= blockStart + BLOCK) {
          loadBlock(doc);
        }
        out.add(valueBlock[doc - blockStart]);
        return;
      }
      if (dictionary != null) {
        int n = forward.numValuesMV(doc);
        if (n > mvDictIds.length) {
          mvDictIds = new int[n];
        }
        n = forward.getDictIdsMV(doc, mvDictIds);
        for (int i = 0; i < n; i++) {
          out.add(dictionary.getStringValue(mvDictIds[i]));
        }
        return;
      }
      int n = forward.numValuesMV(doc);
      if (n > mvValues.length) {
        mvValues = new String[n];
      }
      n = forward.getStringValuesMV(doc, mvValues);
      for (int i = 0; i < n; i++) {
        out.add(mvValues[i]);
      }
    }

    private void loadBlock(int doc) {
      blockStart = doc;
      int length = Math.min(BLOCK, numDocs - doc);
      for (int i = 0; i < length; i++) {
        docIds[i] = doc + i;
      }
      if (dictionary != null) {
        forward.readDictIds(docIds, length, dictIdBlock);
        dictionary.readStringValues(dictIdBlock, length, valueBlock);
      } else {
        forward.readStringValues(docIds, length, valueBlock);
      }
    }
  }
}
