// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/// Writes the null-handling quickstart's `clientSalaryNulls` rows: invented clients, each with a city, an
/// optional description, an optional salary and the day it was recorded. About a quarter of the descriptions and
/// a sixth of the salaries are missing (empty CSV fields, which ingestion reads as nulls); `clientId`, `city` and
/// `DaysSinceEpoch` are never missing. The data is generated deterministically from a seed (same seed, same
/// file on every JDK). Columns follow [ClientSalaryNullsTable]'s schema.
public final class ClientSalaryNullsGenerator {
  /// The number of rows QuickStart loads.
  public static final int DEFAULT_ROWS = 2_000;
  /// The seed QuickStart uses.
  public static final long DEFAULT_SEED = 7_919L;
  /// The CSV header line: the schema's columns.
  public static final String HEADER = "clientId,city,description,salary,DaysSinceEpoch";

  /// Percent of rows without a description.
  static final int NULL_DESCRIPTION_PERCENT = 25;
  /// Percent of rows without a salary.
  static final int NULL_SALARY_PERCENT = 15;

  private static final String[] CITIES = {"Amsterdam", "Austin", "Bangalore", "Berlin", "Lisbon", "Nairobi",
      "Osaka", "Santiago", "Seattle", "Toronto"};
  private static final String[] DESCRIPTIONS = {"Enterprise plan", "Small business", "Startup program",
      "Non-profit", "Public sector"};
  /// 2022-01-08, and the two years after it.
  private static final int FIRST_DAY = 19_000;
  private static final int DAYS = 730;

  private ClientSalaryNullsGenerator() {
  }

  /// Writes `rows` data rows (plus the header line) as CSV to `file`.
  public static void writeCsv(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(HEADER);
      writer.write('\n');
      for (int i = 0; i < rows; i++) {
        writer.write(row(random, i + 1));
        writer.write('\n');
      }
    }
  }

  private static String row(Random random, int clientId) {
    String city = CITIES[random.nextInt(CITIES.length)];
    String description = random.nextInt(100) < NULL_DESCRIPTION_PERCENT ? ""
        : DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
    // Salaries between 35,000 and 155,000 in steps of 500; an empty field is a null.
    String salary = random.nextInt(100) < NULL_SALARY_PERCENT ? ""
        : Integer.toString(35_000 + 500 * random.nextInt(241));
    int day = FIRST_DAY + random.nextInt(DAYS);
    return String.join(",", Integer.toString(clientId), city, description, salary, Integer.toString(day));
  }
}
