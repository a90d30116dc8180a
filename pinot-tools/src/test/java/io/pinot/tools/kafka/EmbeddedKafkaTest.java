// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

  @Test
  void twoBrokersRunSideBySideAndCloseFreesThePort(@TempDir Path dir) throws Exception {
    int port;
    try (EmbeddedKafka first = EmbeddedKafka.start(dir.resolve("first"));
        EmbeddedKafka second = EmbeddedKafka.start(dir.resolve("second"))) {
      assertThat(first.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo(second.bootstrapServers());
      first.createTopic("events", 2);
      second.createTopic("events", 1);
      first.produce("events", 1, List.of(bytes("a"), bytes("b"), bytes("c")));
      second.produce("events", 0, List.of(bytes("x")));

      assertThat(latestOffset(first.admin(), "events", 0)).isZero();
      assertThat(latestOffset(first.admin(), "events", 1)).isEqualTo(3);
      assertThat(latestOffset(second.admin(), "events", 0)).isEqualTo(1);

      first.addPartitions("events", 4);
      assertThat(first.admin().describeTopics(List.of("events")).allTopicNames().get().get("events").partitions())
          .hasSize(4);
      first.deleteRecords("events", 1, 2);
      assertThat(earliestOffset(first.admin(), "events", 1)).isEqualTo(2);

      port = Integer.parseInt(first.bootstrapServers().substring("127.0.0.1:".length()));
      first.close();
      first.close();
      assertThatThrownBy(first::admin).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
      assertThat(latestOffset(second.admin(), "events", 0)).isEqualTo(1);
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void restartOnTheSameDirectoryKeepsTopicsAndOffsets(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
      kafka.createTopic("kept", 2);
      kafka.produce("kept", 1, List.of(bytes("a"), bytes("b"), bytes("c")));
    }
    try (EmbeddedKafka again = EmbeddedKafka.start(dir)) {
      assertThat(again.admin().listTopics().names().get()).contains("kept");
      assertThat(latestOffset(again.admin(), "kept", 1)).isEqualTo(3);
      again.produce("kept", 1, List.of(bytes("d")));
      assertThat(latestOffset(again.admin(), "kept", 1)).isEqualTo(4);
    }
  }

  @Test
  void creatingAnExistingTopicFails(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, Map.of("log.retention.ms", "600000"))) {
      kafka.createTopic("once", 1);
      assertThatThrownBy(() -> kafka.createTopic("once", 1)).hasMessageContaining("already exists");
    }
  }

  private static long latestOffset(Admin admin, String topic, int partition) throws Exception {
    return offset(admin, topic, partition, OffsetSpec.latest());
  }

  private static long earliestOffset(Admin admin, String topic, int partition) throws Exception {
    return offset(admin, topic, partition, OffsetSpec.earliest());
  }

  private static long offset(Admin admin, String topic, int partition, OffsetSpec spec) throws Exception {
    TopicPartition topicPartition = new TopicPartition(topic, partition);
    Map<TopicPartition, ListOffsetsResultInfo> result =
        admin.listOffsets(Map.of(topicPartition, spec)).all().get();
    return result.get(topicPartition).offset();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
