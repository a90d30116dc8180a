// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamMessageDecoder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Decodes one CSV record per message (see [CsvMessageDecoderFactory]). One tokenizer and its buffer serve every
/// message: the reader under it is refilled per message. A message with no record, several records, more fields
/// than header columns, or broken quoting throws [MalformedMessageException]; missing trailing fields are null.
/// Not thread-safe.
final class CsvMessageDecoder implements StreamMessageDecoder {
  private final CsvReaderConfig config;
  private final Schema schema;
  private final MessageReader reader = new MessageReader();
  private final CsvTokenizer tokenizer;
  private final @Nullable List<String> header;
  private final boolean[] multiValue;

  CsvMessageDecoder(CsvReaderConfig config, @Nullable List<String> header, Schema schema) {
    this.config = config;
    this.schema = schema;
    this.header = header;
    this.multiValue = header == null ? new boolean[0] : CsvMessageDecoderFactory.multiValueFlags(header, schema);
    try {
      this.tokenizer = new CsvTokenizer(reader, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public GenericRow decode(byte[] payload, GenericRow destination) {
    reader.reset(new String(payload, StandardCharsets.UTF_8));
    tokenizer.discardBuffered();
    try {
      if (!tokenizer.hasRecord()) {
        throw new MalformedMessageException("empty CSV message: expected one record");
      }
      List<String> columns = header;
      boolean[] multiValueColumns = multiValue;
      if (columns == null || config.skipHeader()) {
        List<String> names = CsvMessageDecoderFactory.columnNames(tokenizer);
        if (columns == null) {
          columns = names;
          multiValueColumns = CsvMessageDecoderFactory.multiValueFlags(columns, schema);
        }
        if (!tokenizer.hasRecord()) {
          throw new MalformedMessageException("CSV message has a header line but no record (set the decoder "
              + "property 'header' when messages carry only values)");
        }
      }
      tokenizer.readRecord();
      if (tokenizer.hasRecord()) {
        throw new MalformedMessageException("CSV message holds more than one record");
      }
      int fieldCount = tokenizer.fieldCount();
      if (fieldCount > columns.size()) {
        throw new MalformedMessageException("CSV record has " + fieldCount + " fields but the header has "
            + columns.size() + " columns (check the delimiter '" + config.delimiter() + "')");
      }
      destination.clear();
      for (int i = 0; i < columns.size(); i++) {
        String name = columns.get(i);
        if (name.isEmpty()) {
          continue;
        }
        String value = i < fieldCount ? tokenizer.field(i) : null;
        destination.putValue(name, value == null || value.isEmpty() ? null
            : multiValueColumns[i] ? CsvRecordReader.splitMultiValue(value, config.multiValueDelimiter()) : value);
      }
      return destination;
    } catch (CsvTokenizer.MalformedCsvException e) {
      throw new MalformedMessageException("malformed CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /// A reader over one message's text at a time.
  private static final class MessageReader extends Reader {
    private String text = "";
    private int position;

    void reset(String message) {
      text = message;
      position = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position >= text.length()) {
        return -1;
      }
      int count = Math.min(length, text.length() - position);
      text.getChars(position, position + count, buffer, offset);
      position += count;
      return count;
    }

    @Override
    public void close() {
      // Nothing to release: the text is the message's.
    }
  }
}
