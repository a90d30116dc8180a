// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BOOLEAN;
import static io.pinot.common.function.ScalarType.BYTES;
import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.STRING;
import static io.pinot.common.function.ScalarType.STRING_ARRAY;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;

/// String functions with the names, argument order and semantics of Pinot's `StringFunctions`: indexes of
/// `substr`/`strpos` are 0-based (`substring` is 1-based), `split` drops empty tokens, `splitPart` returns the text
/// `"null"` for a missing part, padding repeats the pad text. Stateless.
final class StringFunctions {
  private StringFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    registerCase(b);
    registerSubstrings(b);
    registerSearch(b);
    registerPadding(b);
    registerSplitting(b);
    registerEncoding(b);
  }

  private static void registerCase(FunctionRegistry.Builder b) {
    b.define("upper").args(STRING).returns(STRING).body(a -> ((String) a[0]).toUpperCase(Locale.ROOT));
    b.define("lower").args(STRING).returns(STRING).body(a -> ((String) a[0]).toLowerCase(Locale.ROOT));
    b.define("reverse").args(STRING).returns(STRING).body(a -> new StringBuilder((String) a[0]).reverse().toString());
    b.define("initcap").args(STRING).returns(STRING).body(a -> initcap((String) a[0]));
    b.define("length").args(STRING).returns(INT).body(a -> ((String) a[0]).length());
    b.define("charLength", "characterLength").args(STRING).returns(INT)
        .body(a -> ((String) a[0]).codePointCount(0, ((String) a[0]).length()));
    b.define("octetLength").args(STRING).returns(INT).body(a -> utf8((String) a[0]).length);
    b.define("bitLength").args(STRING).returns(INT).body(a -> utf8((String) a[0]).length * 8);
    b.define("trim").args(STRING).returns(STRING).body(a -> ((String) a[0]).trim());
    b.define("trim").args(STRING, STRING, STRING).returns(STRING)
        .body(a -> trim((String) a[0], (String) a[1], (String) a[2]));
    b.define("ltrim").args(STRING).returns(STRING).body(a -> stripWhitespace((String) a[0], true));
    b.define("rtrim").args(STRING).returns(STRING).body(a -> stripWhitespace((String) a[0], false));
    b.define("concat").args(STRING, STRING).returns(STRING).body(a -> (String) a[0] + a[1]);
    b.define("concat").args(STRING, STRING, STRING).returns(STRING).body(a -> (String) a[0] + a[2] + a[1]);
    b.define("concatWS").args(STRING, STRING, STRING).returns(STRING).body(a -> (String) a[1] + a[0] + a[2]);
    b.define("repeat").args(STRING, INT).returns(STRING).body(a -> repeat((String) a[0], "", (Integer) a[1]));
    b.define("repeat").args(STRING, STRING, INT).returns(STRING)
        .body(a -> repeat((String) a[0], (String) a[1], (Integer) a[2]));
    b.define("space").args(INT).returns(STRING).body(a -> repeat(" ", "", (Integer) a[0]));
    b.define("normalize").args(STRING).returns(STRING)
        .body(a -> Normalizer.normalize((String) a[0], Normalizer.Form.NFC));
    b.define("normalize").args(STRING, STRING).returns(STRING)
        .body(a -> Normalizer.normalize((String) a[0], Normalizer.Form.valueOf((String) a[1])));
  }

  private static void registerSubstrings(FunctionRegistry.Builder b) {
    b.define("substr").args(STRING, INT).returns(STRING).body(a -> substring((String) a[0], (Integer) a[1]));
    b.define("substr").args(STRING, INT, INT).returns(STRING).body(a -> (Integer) a[2] == -1
        ? substring((String) a[0], (Integer) a[1]) : substring((String) a[0], (Integer) a[1], (Integer) a[2]));
    b.define("substring").args(STRING, INT).returns(STRING).body(a -> substring((String) a[0], (Integer) a[1] - 1));
    b.define("substring").args(STRING, INT, INT).returns(STRING)
        .body(a -> substring((String) a[0], (Integer) a[1] - 1, (Integer) a[1] - 1 + (Integer) a[2]));
    b.define("leftSubStr", "left").args(STRING, INT).returns(STRING).body(a -> left((String) a[0], (Integer) a[1]));
    b.define("rightSubStr", "right").args(STRING, INT).returns(STRING)
        .body(a -> right((String) a[0], (Integer) a[1]));
  }

  private static void registerSearch(FunctionRegistry.Builder b) {
    b.define("strpos").args(STRING, STRING).returns(INT).body(a -> ((String) a[0]).indexOf((String) a[1]));
    b.define("strpos").args(STRING, STRING, INT).returns(INT)
        .body(a -> ordinalIndexOf((String) a[0], (String) a[1], (Integer) a[2]));
    b.define("strrpos").args(STRING, STRING).returns(INT).body(a -> ((String) a[0]).lastIndexOf((String) a[1]));
    // Pinot's third argument is the position the backward search starts from (Commons Lang lastIndexOf).
    b.define("strrpos").args(STRING, STRING, INT).returns(INT)
        .body(a -> (Integer) a[2] < 0 ? -1 : ((String) a[0]).lastIndexOf((String) a[1], (Integer) a[2]));
    b.define("startsWith").args(STRING, STRING).returns(BOOLEAN).body(a -> ((String) a[0]).startsWith((String) a[1]));
    b.define("endsWith").args(STRING, STRING).returns(BOOLEAN).body(a -> ((String) a[0]).endsWith((String) a[1]));
    b.define("contains").args(STRING, STRING).returns(BOOLEAN).body(a -> ((String) a[0]).contains((String) a[1]));
    b.define("strcmp").args(STRING, STRING).returns(INT).body(a -> ((String) a[0]).compareTo((String) a[1]));
    b.define("replace").args(STRING, STRING, STRING).returns(STRING)
        .body(a -> ((String) a[1]).isEmpty() ? a[0] : ((String) a[0]).replace((String) a[1], (String) a[2]));
    b.define("remove").args(STRING, STRING).returns(STRING)
        .body(a -> ((String) a[1]).isEmpty() ? a[0] : ((String) a[0]).replace((String) a[1], ""));
    b.define("hammingDistance").args(STRING, STRING).returns(INT)
        .body(a -> hammingDistance((String) a[0], (String) a[1]));
    b.define("levenshteinDistance").args(STRING, STRING).returns(INT)
        .body(a -> levenshtein((String) a[0], (String) a[1]));
    b.define("codepoint").args(STRING).returns(INT).body(a -> ((String) a[0]).codePointAt(0));
    b.define("chr").args(INT).returns(STRING).body(a -> new String(Character.toChars((Integer) a[0])));
  }

  private static void registerPadding(FunctionRegistry.Builder b) {
    b.define("lpad").args(STRING, INT, STRING).returns(STRING)
        .body(a -> pad((String) a[0], (Integer) a[1], (String) a[2], true));
    b.define("rpad").args(STRING, INT, STRING).returns(STRING)
        .body(a -> pad((String) a[0], (Integer) a[1], (String) a[2], false));
  }

  private static void registerSplitting(FunctionRegistry.Builder b) {
    b.define("split", "stringToArray").args(STRING, STRING).returns(STRING_ARRAY)
        .body(a -> StringSplitter.split((String) a[0], (String) a[1], 0));
    b.define("split", "stringToArray").args(STRING, STRING, INT).returns(STRING_ARRAY)
        .body(a -> StringSplitter.split((String) a[0], (String) a[1], (Integer) a[2]));
    b.define("splitPart").args(STRING, STRING, INT).returns(STRING)
        .body(a -> StringSplitter.splitPart((String) a[0], (String) a[1], 0, (Integer) a[2]));
    b.define("splitPart").args(STRING, STRING, INT, INT).returns(STRING)
        .body(a -> StringSplitter.splitPart((String) a[0], (String) a[1], (Integer) a[2], (Integer) a[3]));
  }

  private static void registerEncoding(FunctionRegistry.Builder b) {
    b.define("toUtf8").args(STRING).returns(BYTES).body(a -> utf8((String) a[0]));
    b.define("fromUtf8").args(BYTES).returns(STRING).body(a -> new String((byte[]) a[0], StandardCharsets.UTF_8));
    b.define("toAscii").args(STRING).returns(BYTES).body(a -> ((String) a[0]).getBytes(StandardCharsets.US_ASCII));
    b.define("fromAscii").args(BYTES).returns(STRING)
        .body(a -> new String((byte[]) a[0], StandardCharsets.US_ASCII));
    b.define("encodeUrl").args(STRING).returns(STRING)
        .body(a -> URLEncoder.encode((String) a[0], StandardCharsets.UTF_8));
    b.define("decodeUrl").args(STRING).returns(STRING)
        .body(a -> URLDecoder.decode((String) a[0], StandardCharsets.UTF_8));
    b.define("toBase64").args(BYTES).returns(STRING).body(a -> Base64.getEncoder().encodeToString((byte[]) a[0]));
    b.define("fromBase64").args(STRING).returns(BYTES).body(a -> Base64.getDecoder().decode((String) a[0]));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String initcap(String input) {
    StringBuilder result = new StringBuilder(input.length());
    boolean capitalizeNext = true;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c)) {
        capitalizeNext = true;
        result.append(c);
      } else {
        result.append(capitalizeNext ? Character.toUpperCase(c) : Character.toLowerCase(c));
        capitalizeNext = false;
      }
    }
    return result.toString();
  }

  /// `trim(end, characters, value)`: strips any of `characters` from the `BOTH`, `LEADING` or `TRAILING` end.
  private static String trim(String end, String characters, String value) {
    int start = 0;
    int stop = value.length();
    boolean leading = end.equals("BOTH") || end.equals("LEADING");
    boolean trailing = end.equals("BOTH") || end.equals("TRAILING");
    while (leading && start < stop && characters.indexOf(value.charAt(start)) >= 0) {
      start++;
    }
    while (trailing && start < stop && characters.indexOf(value.charAt(stop - 1)) >= 0) {
      stop--;
    }
    return value.substring(start, stop);
  }

  /// Strips the regex whitespace class `\s` (space, tab, new line, vertical tab, form feed, carriage return).
  private static String stripWhitespace(String value, boolean leading) {
    int start = 0;
    int stop = value.length();
    if (leading) {
      while (start < stop && isRegexWhitespace(value.charAt(start))) {
        start++;
      }
    } else {
      while (stop > start && isRegexWhitespace(value.charAt(stop - 1))) {
        stop--;
      }
    }
    return value.substring(start, stop);
  }

  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /// Commons Lang `substring(str, start)`: a negative start counts from the end; out-of-range is clamped.
  static String substring(String value, int start) {
    int begin = start < 0 ? Math.max(0, value.length() + start) : start;
    return begin > value.length() ? "" : value.substring(begin);
  }

  /// Commons Lang `substring(str, start, end)`: negative positions count from the end; clamped; empty when the
  /// start is after the end.
  static String substring(String value, int start, int end) {
    int length = value.length();
    int begin = start < 0 ? Math.max(0, length + start) : start;
    int stop = end < 0 ? length + end : Math.min(end, length);
    return begin >= stop || begin > length ? "" : value.substring(begin, stop);
  }

  private static String left(String value, int length) {
    return length < 0 ? "" : value.substring(0, Math.min(length, value.length()));
  }

  private static String right(String value, int length) {
    return length < 0 ? "" : value.substring(value.length() - Math.min(length, value.length()));
  }

  /// Commons Lang `ordinalIndexOf`: the index of the n-th (1-based) occurrence, overlapping matches counted.
  private static int ordinalIndexOf(String value, String search, int ordinal) {
    if (ordinal <= 0) {
      return -1;
    }
    if (search.isEmpty()) {
      return 0;
    }
    int index = -1;
    for (int found = 0; found < ordinal; found++) {
      index = value.indexOf(search, index + 1);
      if (index < 0) {
        return -1;
      }
    }
    return index;
  }

  /// Commons Lang padding: the pad text repeats and is cut to fit; an empty pad pads with spaces.
  private static String pad(String value, int size, String padText, boolean leftSide) {
    String padding = padText.isEmpty() ? " " : padText;
    int count = size - value.length();
    if (count <= 0) {
      return value;
    }
    StringBuilder pad = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      pad.append(padding.charAt(i % padding.length()));
    }
    return leftSide ? pad + value : value + pad;
  }

  private static String repeat(String value, String separator, int times) {
    if (times <= 0) {
      return "";
    }
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < times; i++) {
      result.append(i == 0 ? "" : separator).append(value);
    }
    return result.toString();
  }

  private static int hammingDistance(String first, String second) {
    if (first.length() != second.length()) {
      return -1;
    }
    int distance = 0;
    for (int i = 0; i < first.length(); i++) {
      if (first.charAt(i) != second.charAt(i)) {
        distance++;
      }
    }
    return distance;
  }

  private static int levenshtein(String first, String second) {
    int[] previous = new int[second.length() + 1];
    int[] current = new int[second.length() + 1];
    for (int j = 0; j <= second.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= first.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= second.length(); j++) {
        int cost = first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[second.length()];
  }
}
