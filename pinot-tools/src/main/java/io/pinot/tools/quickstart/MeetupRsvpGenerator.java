// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.utils.JsonUtils;
import java.util.Locale;
import java.util.Random;

/// Makes up RSVPs to meetup events, the rows of the `meetupRsvp` (stream quickstart) and `upsertMeetupRsvp` (upsert
/// quickstart) tables, with Apache Pinot's meetup column names. Each RSVP picks one of `numEvents` events, the lower
/// ids more often (some events are more popular); an event's name, venue, group, city and start time are fixed by
/// its id (derived from the seed), so the RSVPs of one event always agree. `rsvp_count` is the number of people
/// answering (1-4) and `mtime` the time of the RSVP. With `keyed`, the message key is the `event_id` (the upsert
/// table's primary key). Deterministic for a seed and the times passed to [#next]; not thread-safe.
public final class MeetupRsvpGenerator implements EventGenerator {
  /// The columns of each RSVP, in the order they are written.
  public static final String[] COLUMNS = {"venue_name", "event_name", "event_id", "event_time", "group_city",
      "group_country", "group_id", "group_name", "group_lat", "group_lon", "rsvp_count", "mtime"};

  private static final String[][] CITIES = {
      {"San Francisco", "us", "37.7749", "-122.4194"}, {"New York", "us", "40.7128", "-74.0060"},
      {"London", "gb", "51.5074", "-0.1278"}, {"Berlin", "de", "52.5200", "13.4050"},
      {"Paris", "fr", "48.8566", "2.3522"}, {"Tokyo", "jp", "35.6762", "139.6503"},
      {"Bangalore", "in", "12.9716", "77.5946"}, {"Sydney", "au", "-33.8688", "151.2093"},
      {"Toronto", "ca", "43.6532", "-79.3832"}, {"Sao Paulo", "br", "-23.5505", "-46.6333"},
      {"Amsterdam", "nl", "52.3676", "4.9041"}, {"Singapore", "sg", "1.3521", "103.8198"}};
  private static final String[] TOPICS = {"Java User Group", "Data Engineering", "Hiking Club", "Board Games",
      "Startup Founders", "Photography Walks", "Kubernetes", "Book Club"};
  private static final String[] KINDS = {"Monthly Meetup", "Lightning Talks", "Workshop", "Social Evening",
      "Hack Night", "Weekend Outing"};
  private static final String[] VENUES = {"Community Hall", "Public Library", "Tech Hub", "Coffee Roasters",
      "City Park", "Brewpub", "Co-working Loft", "University Campus"};
  private static final long HOUR_MILLIS = 3_600_000L;

  private final long seed;
  private final int numEvents;
  private final boolean keyed;
  private final Random random;
  private long baseMillis = Long.MIN_VALUE;

  /// @param seed the seed of all choices
  /// @param numEvents how many distinct events (`event_id`s) the RSVPs are for
  /// @param keyed whether messages carry the `event_id` as their key
  public MeetupRsvpGenerator(long seed, int numEvents, boolean keyed) {
    if (numEvents < 1) {
      throw new IllegalArgumentException("numEvents must be positive: " + numEvents);
    }
    this.seed = seed;
    this.numEvents = numEvents;
    this.keyed = keyed;
    this.random = new Random(seed);
  }

  /// The id of event `index` (0 to `numEvents - 1`).
  public static String eventId(int index) {
    return String.format(Locale.ROOT, "evt-%06d", index);
  }

  @Override
  public Event next(long nowMillis) {
    if (baseMillis == Long.MIN_VALUE) {
      baseMillis = nowMillis - nowMillis % HOUR_MILLIS;
    }
    // Low ids are the popular events: the square of a uniform draw picks event 0 most often.
    double draw = random.nextDouble();
    int index = Math.min(numEvents - 1, (int) (draw * draw * numEvents));
    long traits = mix(seed + index);
    int group = (int) Long.remainderUnsigned(traits, (long) CITIES.length * TOPICS.length);
    String[] city = CITIES[group / TOPICS.length];
    String topic = TOPICS[group % TOPICS.length];
    String eventId = eventId(index);
    ObjectNode row = JsonUtils.MAPPER.createObjectNode();
    row.put("venue_name", city[0] + " " + VENUES[(int) ((traits >>> 16) & 0x7fff) % VENUES.length]);
    row.put("event_name", topic + " " + KINDS[(int) ((traits >>> 32) & 0x7fff) % KINDS.length]);
    row.put("event_id", eventId);
    // Events start within the 30 days after the first RSVP, on the hour.
    row.put("event_time", baseMillis + HOUR_MILLIS * (1 + ((traits >>> 40) & 0xffff) % (30 * 24)));
    row.put("group_city", city[0]);
    row.put("group_country", city[1]);
    row.put("group_id", 1_000L + group);
    row.put("group_name", city[0] + " " + topic);
    row.put("group_lat", Double.parseDouble(city[2]));
    row.put("group_lon", Double.parseDouble(city[3]));
    int roll = random.nextInt(10);
    row.put("rsvp_count", roll < 6 ? 1 : roll < 9 ? 2 : 3 + random.nextInt(2));
    row.put("mtime", nowMillis);
    return new Event(keyed ? eventId : null, row.toString());
  }

  /// A 64-bit mix of `value` (SplitMix64's finalizer): the traits of one event.
  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
