// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetupRsvpGeneratorTest {
  private static final long NOW = 1_750_000_000_000L;

  @Test
  void sameSeedSameEventsOtherSeedOthers() {
    assertThat(events(7, 200, false)).isEqualTo(events(7, 200, false));
    assertThat(events(7, 200, false)).isNotEqualTo(events(8, 200, false));
  }

  @Test
  void rowsAreValidAgainstTheSchema() {
    Schema schema = JsonUtils.fromJson(MeetupRsvpTable.schemaJson("meetupRsvp", false), Schema.class);
    assertThat(schema.columnNames()).containsExactlyInAnyOrder(MeetupRsvpGenerator.COLUMNS);
    for (EventGenerator.Event event : events(MeetupRsvpTable.SEED, MeetupRsvpTable.NUM_EVENTS, false)) {
      assertThat(event.key()).isNull();
      JsonNode row = SampleRows.assertValidJson(schema, event.json());
      assertThat(row.get("rsvp_count").asInt()).isBetween(1, 4);
      assertThat(row.get("mtime").asLong()).isBetween(NOW, NOW + 1_000);
      assertThat(row.get("event_time").asLong()).isGreaterThan(NOW);
      assertThat(row.get("group_lat").asDouble()).isBetween(-90.0, 90.0);
      assertThat(row.get("group_name").asText()).startsWith(row.get("group_city").asText());
    }
  }

  @Test
  void keyedEventsUseABoundedSetOfKeysWhoseTraitsNeverChange() {
    Map<String, String> groupOfEvent = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (EventGenerator.Event event : events(3, 50, true)) {
      JsonNode row = JsonUtils.parse(event.json());
      assertThat(event.key()).isEqualTo(row.get("event_id").asText());
      keys.add(event.key());
      String traits = row.get("group_name").asText() + "|" + row.get("event_name").asText() + "|"
          + row.get("venue_name").asText() + "|" + row.get("event_time").asLong();
      assertThat(groupOfEvent.putIfAbsent(event.key(), traits)).as(event.key()).isIn(null, traits);
    }
    assertThat(keys).hasSize(50).allMatch(key -> key.matches("evt-0000[0-4][0-9]"));
  }

  @Test
  void lowIdsArePopular() {
    Map<String, Integer> rsvps = new HashMap<>();
    for (EventGenerator.Event event : events(9, 100, true)) {
      rsvps.merge(event.key(), 1, Integer::sum);
    }
    int firstTen = 0;
    for (int i = 0; i < 10; i++) {
      firstTen += rsvps.getOrDefault(MeetupRsvpGenerator.eventId(i), 0);
    }
    // The square of a uniform draw falls below 0.1 with probability sqrt(0.1), about 32%.
    assertThat(firstTen).isBetween(250, 390);
  }

  @Test
  void rejectsNoEvents() {
    assertThatThrownBy(() -> new MeetupRsvpGenerator(1, 0, false)).hasMessageContaining("numEvents");
  }

  private static List<EventGenerator.Event> events(long seed, int numEvents, boolean keyed) {
    MeetupRsvpGenerator generator = new MeetupRsvpGenerator(seed, numEvents, keyed);
    List<EventGenerator.Event> events = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      events.add(generator.next(NOW + i));
    }
    return events;
  }
}
