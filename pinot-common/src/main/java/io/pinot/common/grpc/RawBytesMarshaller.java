// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.grpc;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/// A gRPC message as its serialized bytes: the proxy relays server responses without decoding or encoding them again,
/// and the server parses requests itself so that a malformed one gets INVALID_ARGUMENT.
public final class RawBytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  public static final RawBytesMarshaller INSTANCE = new RawBytesMarshaller();

  private RawBytesMarshaller() {
  }

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      // gRPC's inbound streams know their length: one exact array, one copy
      if (stream instanceof KnownLength) {
        int size = stream.available();
        byte[] bytes = new byte[size];
        if (stream.readNBytes(bytes, 0, size) == size && stream.read() < 0) {
          return bytes;
        }
        throw new IOException("The message was not " + size + " bytes long as announced");
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
