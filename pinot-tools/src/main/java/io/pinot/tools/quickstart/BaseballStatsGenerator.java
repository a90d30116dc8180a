// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/// Writes the quickstart's `baseballStats` rows: invented players with careers of one or more seasons
/// between 1871 and 2013, each season a row per team stint with batting statistics. The data is generated
/// here, deterministically from a seed (same seed, same file on every JDK), and only looks plausible: it is
/// not real baseball history. Columns follow the quickstart schema ([BaseballStatsTable]).
public final class BaseballStatsGenerator {
  /// The number of rows QuickStart loads.
  public static final int DEFAULT_ROWS = 97_889;
  /// The seed QuickStart uses.
  public static final long DEFAULT_SEED = 20_130_928L;

  private static final int FIRST_YEAR = 1871;
  private static final int LAST_YEAR = 2013;
  private static final String[] FIRST_NAMES = {"John", "Bill", "George", "Frank", "Jim", "Joe", "Charlie", "Tom",
      "Harry", "Fred", "Ed", "Jack", "Bob", "Mike", "Dave", "Walter", "Ray", "Eddie", "Tony", "Larry", "Luis",
      "Carlos", "Jose", "Pedro", "Ken", "Steve", "Mark", "Paul", "Gary", "Roberto", "Hideki", "Ichiro", "Ryan",
      "Derek", "Albert", "Miguel", "Chris", "Matt", "Kevin", "Brian", "Al", "Lou", "Babe", "Ty", "Honus", "Cy",
      "Rube", "Dizzy", "Mickey", "Willie"};
  private static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
      "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
      "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
      "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker",
      "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
      "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz", "Richardson", "Wood", "Watson", "Brooks",
      "Bennett", "Gray", "Ramirez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Sanchez", "Rivera", "Suzuki",
      "Matsui", "Ortiz", "Pujols", "Cabrera", "Jeter", "Ruth", "Gehrig", "Mays", "Aaron", "Mantle", "Cobb", "Wagner"};
  private static final String[] TEAMS = {"BOS", "NYA", "DET", "CLE", "CHA", "BAL", "MIN", "OAK", "KCA", "TEX", "SEA",
      "TOR", "TBA", "LAA", "HOU", "NYN", "PHI", "PIT", "CHN", "SLN", "CIN", "ATL", "LAN", "SFN", "MIL", "SDN", "COL",
      "ARI", "MIA", "WAS"};
  private static final String HEADER = "playerID,yearID,playerStint,teamID,league,playerName,numberOfGames,"
      + "numberOfGamesAsBatter,AtBatting,runs,hits,doules,tripples,homeRuns,runsBattedIn,stolenBases,caughtStealing,"
      + "baseOnBalls,strikeouts,intentionalWalks,hitsByPitch,sacrificeHits,sacrificeFlies,groundedIntoDoublePlays,"
      + "G_old";

  private BaseballStatsGenerator() {
  }

  /// Writes `rows` data rows (plus a header line) as CSV to `file`.
  public static void writeCsv(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    Map<String, Integer> idCounts = new HashMap<>();
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(HEADER);
      writer.write('\n');
      int written = 0;
      while (written < rows) {
        written += writeCareer(writer, random, idCounts, rows - written);
      }
    }
  }

  /// Writes one invented player's career, at most `maxRows` rows; returns the rows written.
  private static int writeCareer(BufferedWriter writer, Random random, Map<String, Integer> idCounts, int maxRows)
      throws IOException {
    String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
    String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    String lastLower = last.toLowerCase(Locale.ROOT);
    String idBase = lastLower.substring(0, Math.min(5, lastLower.length()))
        + first.toLowerCase(Locale.ROOT).substring(0, 2);
    int number = idCounts.merge(idBase, 1, Integer::sum);
    String playerId = idBase + String.format(Locale.ROOT, "%02d", number % 100);
    // More players in recent seasons, as the league grew.
    int startYear = FIRST_YEAR + (int) ((LAST_YEAR - FIRST_YEAR) * Math.sqrt(random.nextDouble()));
    int seasons = 1 + (int) Math.min(21, -Math.log(1 - random.nextDouble()) * 4);
    double skill = random.nextGaussian();
    String team = TEAMS[random.nextInt(TEAMS.length)];
    int rows = 0;
    for (int year = startYear; year < startYear + seasons && year <= LAST_YEAR && rows < maxRows; year++) {
      int stints = random.nextInt(100) < 8 ? 2 : 1;
      for (int stint = 1; stint <= stints && rows < maxRows; stint++) {
        if (stint > 1 || random.nextInt(100) < 10) {
          team = TEAMS[random.nextInt(TEAMS.length)];
        }
        writer.write(row(random, playerId, first + " " + last, year, stint, team, skill));
        writer.write('\n');
        rows++;
      }
    }
    return rows;
  }

  private static String row(Random random, String playerId, String name, int year, int stint, String team,
      double skill) {
    int games = 1 + (int) (161 * Math.pow(random.nextDouble(), 0.7));
    int gamesAsBatter = Math.max(0, games - random.nextInt(Math.max(1, games / 8)));
    int atBats = (int) (games * (0.3 + 3.7 * random.nextDouble()));
    double average = Math.clamp(0.255 + 0.03 * skill + 0.03 * random.nextGaussian(), 0.05, 0.42);
    int hits = (int) (atBats * average);
    int doubles = (int) (hits * (0.12 + 0.12 * random.nextDouble()));
    int triples = (int) (hits * 0.05 * random.nextDouble() * (year < 1930 ? 2 : 1));
    double powerEra = year < 1920 ? 0.02 : year < 1990 ? 0.08 : 0.11;
    int homeRuns = (int) (hits * powerEra * (1 + skill * 0.5 + random.nextDouble()) / 1.5);
    int runs = (int) (hits * 0.45 + homeRuns * 0.6 + random.nextInt(Math.max(1, atBats / 25)));
    int runsBattedIn = (int) (hits * 0.3 + homeRuns * 1.4 + random.nextInt(Math.max(1, atBats / 30)));
    int stolenBases = random.nextInt(Math.max(1, atBats / 15));
    int caughtStealing = stolenBases / 3;
    int walks = (int) (atBats * (0.05 + 0.06 * random.nextDouble()));
    int strikeouts = (int) (atBats * (year < 1950 ? 0.07 : 0.16) * (0.6 + 0.8 * random.nextDouble()));
    int intentionalWalks = walks / (8 + random.nextInt(10));
    int hitByPitch = random.nextInt(Math.max(1, atBats / 60));
    int sacrificeHits = random.nextInt(Math.max(1, atBats / 70));
    int sacrificeFlies = year < 1954 ? 0 : random.nextInt(Math.max(1, atBats / 90));
    int doublePlays = random.nextInt(Math.max(1, atBats / 40));
    int gamesOld = year < 1990 ? games : 0;
    String league = year < 1876 ? "NA" : isAmerican(team) && year >= 1901 ? "AL" : "NL";
    return String.join(",", playerId, Integer.toString(year), Integer.toString(stint), team, league, name,
        Integer.toString(games), Integer.toString(gamesAsBatter), Integer.toString(atBats), Integer.toString(runs),
        Integer.toString(hits), Integer.toString(doubles), Integer.toString(triples), Integer.toString(homeRuns),
        Integer.toString(runsBattedIn), Integer.toString(stolenBases), Integer.toString(caughtStealing),
        Integer.toString(walks), Integer.toString(strikeouts), Integer.toString(intentionalWalks),
        Integer.toString(hitByPitch), Integer.toString(sacrificeHits), Integer.toString(sacrificeFlies),
        Integer.toString(doublePlays), Integer.toString(gamesOld));
  }

  /// The first 15 teams of [#TEAMS] play in the American League (from 1901), the others in the National.
  private static boolean isAmerican(String team) {
    for (int i = 0; i < 15; i++) {
      if (TEAMS[i].equals(team)) {
        return true;
      }
    }
    return false;
  }
}
