// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/// Translates kafka-clients failures into [StreamException]s that say what failed, for which topic and brokers,
/// and what to check; marks those a retry may cure as transient. Stateless.
final class KafkaErrors {
  private KafkaErrors() {
  }

  /// `action` says what was being done, e.g. "reading the partition count".
  static StreamException translate(String action, StreamConfig config, Throwable failure, long timeoutMs) {
    Throwable cause = unwrap(failure);
    String topic = config.topicName();
    String brokers = config.streamProperty(KafkaClientProperties.BROKER_LIST);
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new StreamException("Interrupted while " + action + " of topic[" + topic + "]", true, cause);
    }
    if (cause instanceof UnknownTopicOrPartitionException) {
      return unknownTopic(config, cause);
    }
    if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return new StreamException("Timed out after " + timeoutMs + "ms " + action + " of topic[" + topic
          + "]: Kafka brokers[" + brokers + "] did not answer; check stream." + config.streamType() + "."
          + KafkaClientProperties.BROKER_LIST + " and that the brokers are reachable", true, cause);
    }
    if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
      return new StreamException("Kafka brokers[" + brokers + "] refused " + action + " of topic[" + topic
          + "]: " + cause.getMessage() + "; check security.protocol, sasl.* and ssl.* in the stream config", false,
          cause);
    }
    ConfigException configError = configError(cause);
    if (configError != null) {
      boolean unresolved = String.valueOf(configError.getMessage()).contains("resolvable bootstrap");
      return new StreamException("Invalid Kafka client settings for topic[" + topic + "] (brokers[" + brokers
          + "]): " + configError.getMessage(), unresolved, cause);
    }
    return new StreamException("Kafka failed " + action + " of topic[" + topic + "] from brokers[" + brokers
        + "]: " + cause, cause instanceof RetriableException, cause);
  }

  /// The error for a topic the brokers do not have.
  static StreamException unknownTopic(StreamConfig config, @Nullable Throwable cause) {
    return new StreamException("Topic[" + config.topicName() + "] does not exist on Kafka brokers["
        + config.streamProperty(KafkaClientProperties.BROKER_LIST) + "]; create it or fix stream."
        + config.streamType() + ".topic.name", false, cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static @Nullable ConfigException configError(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConfigException configException) {
        return configException;
      }
      if (!(cause instanceof KafkaException)) {
        return null;
      }
    }
    return null;
  }
}
