// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/// Finds the [StreamConsumerFactory] and [StreamMessageDecoderFactory] a stream config names, among those on the
/// class path (`ServiceLoader`). An unknown class name fails with the names that are available. Stateless.
public final class StreamPlugins {
  private StreamPlugins() {
  }

  /// The consumer factory named by `config.consumerFactoryClassName()`.
  public static StreamConsumerFactory consumerFactory(StreamConfig config) {
    List<String> known = new ArrayList<>();
    for (StreamConsumerFactory factory : ServiceLoader.load(StreamConsumerFactory.class)) {
      if (factory.classNames().contains(config.consumerFactoryClassName())) {
        return factory;
      }
      known.addAll(factory.classNames());
    }
    throw new IllegalArgumentException("Unknown stream." + config.streamType() + ".consumer.factory.class.name["
        + config.consumerFactoryClassName() + "]; available: " + new TreeSet<>(known));
  }

  /// A decoder for `schema` as named by `config.decoderClassName()`, configured by its decoder properties.
  public static StreamMessageDecoder decoder(StreamConfig config, Schema schema) {
    List<String> known = new ArrayList<>();
    for (StreamMessageDecoderFactory factory : ServiceLoader.load(StreamMessageDecoderFactory.class)) {
      if (factory.classNames().contains(config.decoderClassName())) {
        return factory.create(config.decoderProperties(), schema, config.topicName());
      }
      known.addAll(factory.classNames());
    }
    throw new IllegalArgumentException("Unknown stream." + config.streamType() + ".decoder.class.name["
        + config.decoderClassName() + "]; available: " + new TreeSet<>(known));
  }
}
