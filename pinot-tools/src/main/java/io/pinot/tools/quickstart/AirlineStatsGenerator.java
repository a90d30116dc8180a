// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.utils.JsonUtils;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/// Makes up US domestic flights, the rows of the hybrid quickstart's `airlineStats` table (a subset of Apache
/// Pinot's airline columns): real carriers and airports, distances from the airports' coordinates, air time from
/// the distance, mostly small delays with a long tail, about 2% cancellations. The flights of one day are fixed by
/// the seed and the day ([#writeCsv] writes past days for the OFFLINE half); [#liveEvents] first replays
/// yesterday's flights (the same rows as the OFFLINE half has, as a stream holds the recent days), then makes up
/// flights departing at the current time. Deterministic for a seed and the times given; not thread-safe.
public final class AirlineStatsGenerator {
  /// The columns of each flight, in CSV order.
  public static final String[] COLUMNS = {"AirlineID", "Carrier", "FlightNum", "Origin", "OriginCityName", "Dest",
      "DestCityName", "CRSDepTime", "DepDelay", "ArrDelay", "AirTime", "Distance", "Cancelled", "Diverted",
      "Flights", "Year", "Month", "DayofMonth", "DayOfWeek", "FlightDate", "DaysSinceEpoch"};
  /// Flights per day in the generated history.
  public static final int FLIGHTS_PER_DAY = 300;

  private static final Object[][] CARRIERS = {{19393, "WN"}, {19790, "DL"}, {19805, "AA"}, {19977, "UA"},
      {20409, "B6"}, {19930, "AS"}, {20416, "NK"}, {20304, "OO"}};
  private static final Object[][] AIRPORTS = {
      {"ATL", "Atlanta, GA", 33.64, -84.43}, {"ORD", "Chicago, IL", 41.98, -87.90},
      {"DFW", "Dallas/Fort Worth, TX", 32.90, -97.04}, {"DEN", "Denver, CO", 39.86, -104.67},
      {"LAX", "Los Angeles, CA", 33.94, -118.41}, {"SFO", "San Francisco, CA", 37.62, -122.38},
      {"SEA", "Seattle, WA", 47.45, -122.31}, {"JFK", "New York, NY", 40.64, -73.78},
      {"BOS", "Boston, MA", 42.36, -71.01}, {"MIA", "Miami, FL", 25.79, -80.29},
      {"PHX", "Phoenix, AZ", 33.43, -112.01}, {"LAS", "Las Vegas, NV", 36.08, -115.15},
      {"MSP", "Minneapolis, MN", 44.88, -93.22}, {"CLT", "Charlotte, NC", 35.21, -80.94}};
  private static final long DAY_MILLIS = 86_400_000L;

  private AirlineStatsGenerator() {
  }

  /// Writes the flights of days `firstDay` to `lastDay` (days since the epoch, inclusive) as CSV with a header line.
  public static void writeCsv(Path file, int firstDay, int lastDay, long seed) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(String.join(",", COLUMNS));
      writer.write('\n');
      for (int day = firstDay; day <= lastDay; day++) {
        Random random = dayRandom(seed, day);
        for (int i = 0; i < FLIGHTS_PER_DAY; i++) {
          Object[] flight = flight(random, day, scheduledDeparture(random));
          for (int c = 0; c < flight.length; c++) {
            if (c > 0) {
              writer.write(',');
            }
            String value = flight[c].toString();
            writer.write(value.indexOf(',') >= 0 ? '"' + value + '"' : value);
          }
          writer.write('\n');
        }
      }
    }
  }

  /// The stream of flights: with `replayYesterday`, first the [#FLIGHTS_PER_DAY] flights of the day before the first
  /// call (as [#writeCsv] writes them), then flights departing at the time they are made up.
  public static EventGenerator liveEvents(long seed, boolean replayYesterday) {
    return new EventGenerator() {
      private final Random live = new Random(seed ^ 0x5DEECE66DL);
      private @Nullable Random replay;
      private int replayDay;
      private int replayed = replayYesterday ? 0 : FLIGHTS_PER_DAY;

      @Override
      public Event next(long nowMillis) {
        Object[] flight;
        if (replayed < FLIGHTS_PER_DAY) {
          if (replay == null) {
            replayDay = (int) Math.floorDiv(nowMillis, DAY_MILLIS) - 1;
            replay = dayRandom(seed, replayDay);
          }
          replayed++;
          flight = flight(replay, replayDay, scheduledDeparture(replay));
        } else {
          long minuteOfDay = Math.floorMod(nowMillis, DAY_MILLIS) / 60_000;
          flight = flight(live, (int) Math.floorDiv(nowMillis, DAY_MILLIS),
              (int) (minuteOfDay / 60 * 100 + minuteOfDay % 60));
        }
        ObjectNode row = JsonUtils.MAPPER.createObjectNode();
        for (int c = 0; c < COLUMNS.length; c++) {
          switch (flight[c]) {
            case Integer number -> row.put(COLUMNS[c], number);
            default -> row.put(COLUMNS[c], flight[c].toString());
          }
        }
        return new Event(null, row.toString());
      }
    };
  }

  /// A departure time in the history: 05:00 to 22:55, hhmm.
  private static int scheduledDeparture(Random random) {
    return (5 + random.nextInt(18)) * 100 + 5 * random.nextInt(12);
  }

  private static Random dayRandom(long seed, int day) {
    return new Random(seed * 1_000_003L + day);
  }

  /// One flight on `day` scheduled to depart at `depTime` (hhmm), as the values of [#COLUMNS].
  private static Object[] flight(Random random, int day, int depTime) {
    Object[] carrier = CARRIERS[random.nextInt(CARRIERS.length)];
    int from = random.nextInt(AIRPORTS.length);
    int to = (from + 1 + random.nextInt(AIRPORTS.length - 1)) % AIRPORTS.length;
    Object[] origin = AIRPORTS[from];
    Object[] dest = AIRPORTS[to];
    int distance = (int) Math.round(miles((double) origin[2], (double) origin[3], (double) dest[2], (double) dest[3]));
    boolean cancelled = random.nextInt(100) < 2;
    // Most flights leave within a quarter of an hour of schedule; one in ten is an hour or more late.
    int depDelay = random.nextInt(10) == 0 ? 45 + random.nextInt(180) : -8 + random.nextInt(24);
    int airTime = 25 + distance * 60 / 470 + random.nextInt(15) - 7;
    int arrDelay = depDelay + random.nextInt(21) - 12;
    LocalDate date = LocalDate.ofEpochDay(day);
    return new Object[] {carrier[0], carrier[1], 100 + random.nextInt(4_900), origin[0], origin[1], dest[0], dest[1],
        depTime, cancelled ? 0 : depDelay, cancelled ? 0 : arrDelay, cancelled ? 0 : airTime, distance,
        cancelled ? 1 : 0, 0, 1, date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
        date.getDayOfWeek().getValue(), date.toString(), day};
  }

  /// The great-circle distance in statute miles.
  private static double miles(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
        * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 3_958.8 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
