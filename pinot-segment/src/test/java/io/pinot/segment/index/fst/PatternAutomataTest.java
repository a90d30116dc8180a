// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The translated automata accept exactly what `java.util.regex` `find()` (REGEXP_LIKE) and the whole-value LIKE
/// semantics accept: checked on hand-picked edge cases and on thousands of random patterns and values, including
/// line terminators, `\r\n` before `$`, two-byte and four-byte UTF-8 characters.
class PatternAutomataTest {
  private static final String[] VALUE_ALPHABET = {"a", "b", "c", "1", " ", "\n", "\r", "é", "\uD83D\uDE00", ".", "_",
      "%", "\\"};
  private static final String[] ATOMS = {"a", "b", "c", "é", "\uD83D\uDE00", ".", "[ab]", "[^a]", "[a-c]", "\\d",
      "\\w", "\\s", "\\D", "\\W", "\\S", "\\.", "\\n", "\\r", "[\\r\\n]", "\\x61", "\\u00e9", "\\x{1F600}", "1", " ",
      "\\Qa.\\E", "[.]", "[\\w&]", "\\t", "\\\\"};
  private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "?", "{2}", "{0,2}", "{1,}", "*?", "+?"};

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "^a", "a$", "^a$", "^$", "ab|c", "a.c", "é+", "\uD83D\uDE00", "[^é]", "\\r$",
      "a\\r?$", "(?:ab)+", "(?<g>a|b)c", "^(a|b)*$", "[a-c]{2}", "\\d+", "x{0}", "a{1,3}?", "[\\d\\s]", "\\0141",
      "\\cJ", "\\e", "]", "}", "a\\-b", "[a-]", "[-a]", "^[^\\n]*$", ".*", "\\$", "\\^a", "\\Qa$\\E", "\\Q^"})
  void handPickedPatternsMatchLikeJavaFind(String regex) {
    ByteRunAutomaton automaton = PatternAutomata.regexpLike(regex);
    assertThat(automaton).as("translated %s", regex).isNotNull();
    Pattern pattern = Pattern.compile(regex);
    for (String value : values(new Random(regex.hashCode()), 3000)) {
      assertThat(run(automaton, value)).as("'%s' on '%s'", regex, value).isEqualTo(pattern.matcher(value).find());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a)\\1", "a(?=b)", "(?i)a", "\\bword", "a*+", "\\p{L}", "[a[b]]", "[a&&b]", "a|^b",
      "(^a)", "a^", "$a", "\\A", "\\z", "\\h", "a{1000}", "\\uD83D\\uDE00", "(?!a)", "(?<=a)b", "\\R", "\\X",
      "((a{100}){100}){100}"})
  void unsupportedConstructsAreNotTranslated(String regex) {
    Pattern.compile(regex);
    assertThat(PatternAutomata.regexpLike(regex)).as("translated %s", regex).isNull();
  }

  @Test
  void deeplyNestedGroupsAreNotTranslated() {
    String regex = "(".repeat(200) + "a" + ")".repeat(200);
    Pattern.compile(regex);
    assertThat(PatternAutomata.regexpLike(regex)).isNull();
  }

  @Test
  void randomPatternsMatchLikeJavaFind() {
    Random random = new Random(42);
    int translated = 0;
    for (int i = 0; i < 2000; i++) {
      String regex = randomRegex(random);
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (RuntimeException e) {
        continue;
      }
      ByteRunAutomaton automaton = PatternAutomata.regexpLike(regex);
      if (automaton == null) {
        continue;
      }
      translated++;
      for (String value : values(random, 60)) {
        assertThat(run(automaton, value)).as("'%s' on '%s'", regex, value).isEqualTo(pattern.matcher(value).find());
      }
    }
    assertThat(translated).isGreaterThan(1900);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%", "_", "a%", "%a", "%a%", "a_c", "\\%", "\\_%", "a\\", "\\\\", "%é_", "_\uD83D\uDE00",
      "%%", "a%b%c", "100\\%", ".", "[a]"})
  void likePatternsMatchTheWholeValue(String like) {
    ByteRunAutomaton automaton = PatternAutomata.like(like);
    assertThat(automaton).isNotNull();
    Pattern reference = likeReference(like);
    for (String value : values(new Random(like.hashCode()), 3000)) {
      assertThat(run(automaton, value)).as("'%s' on '%s'", like, value).isEqualTo(reference.matcher(value).matches());
    }
  }

  @Test
  void randomLikePatternsMatchTheWholeValue() {
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      StringBuilder like = new StringBuilder();
      int length = random.nextInt(5);
      for (int j = 0; j < length; j++) {
        like.append(VALUE_ALPHABET[random.nextInt(VALUE_ALPHABET.length)]);
      }
      ByteRunAutomaton automaton = PatternAutomata.like(like.toString());
      Pattern reference = likeReference(like.toString());
      for (String value : values(random, 40)) {
        assertThat(run(automaton, value)).as("'%s' on '%s'", like, value)
            .isEqualTo(reference.matcher(value).matches());
      }
    }
  }

  /// The LIKE semantics of the query engine's scan (`LikePatterns`): `%`, `_`, `\` escapes, literal runs quoted
  /// whole, matched against the whole value with DOTALL.
  private static Pattern likeReference(String like) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        literal.append(like.charAt(++i));
      } else if (c == '%' || c == '_') {
        quote(regex, literal);
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    quote(regex, literal);
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static void quote(StringBuilder regex, StringBuilder literal) {
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  private static String randomRegex(Random random) {
    StringBuilder regex = new StringBuilder();
    if (random.nextInt(4) == 0) {
      regex.append('^');
    }
    regex.append(randomSequence(random, 0));
    if (random.nextInt(4) == 0) {
      regex.append('$');
    }
    return regex.toString();
  }

  private static String randomSequence(Random random, int depth) {
    StringBuilder sequence = new StringBuilder();
    int length = 1 + random.nextInt(3);
    for (int i = 0; i < length; i++) {
      if (depth < 2 && random.nextInt(6) == 0) {
        sequence.append(random.nextBoolean() ? "(" : "(?:").append(randomSequence(random, depth + 1));
        if (random.nextBoolean()) {
          sequence.append('|').append(randomSequence(random, depth + 1));
        }
        sequence.append(')');
      } else {
        sequence.append(ATOMS[random.nextInt(ATOMS.length)]);
      }
      sequence.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
    }
    return sequence.toString();
  }

  private static List<String> values(Random random, int count) {
    List<String> values = new ArrayList<>(List.of("", "a", "\n", "\r\n", "a\r\n", "a\n", "a\r", "\r", "ab\n\n"));
    for (int i = 0; i < count; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(6);
      for (int j = 0; j < length; j++) {
        value.append(VALUE_ALPHABET[random.nextInt(VALUE_ALPHABET.length)]);
      }
      values.add(value.toString());
    }
    return values;
  }

  private static boolean run(ByteRunAutomaton automaton, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return automaton.run(bytes, 0, bytes.length);
  }
}
