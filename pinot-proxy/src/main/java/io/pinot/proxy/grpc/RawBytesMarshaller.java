// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/// Passes a gRPC message through as its serialized bytes: server responses are relayed without being decoded or
/// encoded again.
final class RawBytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  static final RawBytesMarshaller INSTANCE = new RawBytesMarshaller();

  private RawBytesMarshaller() {
  }

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
