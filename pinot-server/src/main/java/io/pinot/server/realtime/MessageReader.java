// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamMessage;
import io.pinot.spi.stream.StreamMessageDecoder;
import org.jspecify.annotations.Nullable;

/// A [RecordReader] over one stream message at a time, so a stream partition goes through the same ingestion
/// pipeline (transforms, filter, unnesting, schema conversion, error counting) as batch files. A payload the
/// decoder rejects becomes a [RecordReadException] whose position names the topic, partition and offset. Not
/// thread-safe.
final class MessageReader implements RecordReader {
  private final StreamMessageDecoder decoder;
  private final String source;
  private @Nullable StreamMessage message;
  private long offset = -1;

  MessageReader(StreamMessageDecoder decoder, String topic, int partition) {
    this.decoder = decoder;
    this.source = "topic " + topic + " partition " + partition;
  }

  /// Makes `next` return the row of `value`.
  void set(StreamMessage value) {
    this.message = value;
    this.offset = value.offset();
  }

  @Override
  public boolean hasNext() {
    return message != null;
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    StreamMessage current = message;
    message = null;
    if (current == null || current.value() == null) {
      throw new RecordReadException(position(), "the message has no payload");
    }
    try {
      return decoder.decode(current.value(), reuse);
    } catch (MalformedMessageException e) {
      throw new RecordReadException(position(), e.getMessage(), e);
    }
  }

  @Override
  public void rewind() {
    message = null;
  }

  @Override
  public String position() {
    return source + " offset " + offset;
  }

  @Override
  public void close() {
    message = null;
  }
}
