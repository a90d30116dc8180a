// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Round trips of the FST index: the dictionary ids it finds for REGEXP_LIKE and LIKE patterns equal a
/// `java.util.regex` pass over the dictionary values, at cardinalities 0, 1, 2^k - 1, 2^k, 2^k + 1 and many, with
/// values whose UTF-16 order differs from their UTF-8 byte order (supplementary characters against U+E000..U+FFFF).
class FstIndexTest {
  private static final List<String> REGEXES = List.of("", "a", "^a", "b$", "^ab", "z.*y", "^$", "[0-9]+", "^v1[0-5]",
      "é", "\uD83D\uDE00", "\uFFFD", "^[^a-m]", "x|y", "(ab)+c?", ".", "^.{3}$", "\\d{2}$");
  private static final List<String> LIKES = List.of("%", "", "a%", "%b", "%ab%", "_", "___", "v1_%", "\\%%", "%é%",
      "%\uD83D\uDE00", "v%9");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 255, 256, 257, 5000})
  void findsTheSameIdsAsAScanOfTheDictionary(int cardinality) throws IOException {
    Dictionary dictionary = dictionary(values(cardinality));
    LuceneFstIndexReader fst = write(dictionary);
    assertThat(fst.cardinality()).isEqualTo(cardinality);
    for (String regex : REGEXES) {
      assertThat(fst.regexpLikeDictIds(regex)).as(regex).containsExactly(scan(dictionary, Pattern.compile(regex),
          true));
    }
    for (String like : LIKES) {
      assertThat(fst.likeDictIds(like)).as(like).containsExactly(scan(dictionary, likePattern(like), false));
    }
  }

  @Test
  void emptyValueAndSingleValue() throws IOException {
    Dictionary dictionary = dictionary(List.of("", "abc"));
    LuceneFstIndexReader fst = write(dictionary);
    assertThat(fst.regexpLikeDictIds("^$")).containsExactly(0);
    assertThat(fst.regexpLikeDictIds("")).containsExactly(0, 1);
    assertThat(fst.likeDictIds("")).containsExactly(0);
    assertThat(fst.likeDictIds("%")).containsExactly(0, 1);
    assertThat(fst.likeDictIds("abc")).containsExactly(1);
    assertThat(fst.likeDictIds("ab")).isEmpty();
  }

  @Test
  void untranslatableRegexesAreLeftToTheCaller() throws IOException {
    LuceneFstIndexReader fst = write(dictionary(List.of("a", "b")));
    assertThat(fst.regexpLikeDictIds("(a)\\1")).isNull();
    assertThat(fst.regexpLikeDictIds("(?i)a")).isNull();
  }

  @Test
  void rejectsBuffersOfAnotherKind() {
    assertThatThrownBy(() -> new LuceneFstIndexReader(DataBuffer.wrap(new byte[64]), "c"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FSTL");
  }

  private LuceneFstIndexReader write(Dictionary dictionary) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> FstIndexWriter.write(out, "c", dictionary));
    return new LuceneFstIndexReader(written.view("c", IndexType.FST_INDEX), "c");
  }

  static Dictionary dictionary(List<String> values) {
    TreeSet<String> sorted = new TreeSet<>(values);
    byte[][] bytes = new byte[sorted.size()][];
    int i = 0;
    for (String value : sorted) {
      bytes[i++] = value.getBytes(StandardCharsets.UTF_8);
    }
    return Dictionaries.open(Dictionaries.buildVariable(DataType.STRING, bytes, bytes.length));
  }

  /// Distinct values: short ASCII ones, versions, accented and supplementary characters, and U+FFFD (whose UTF-16
  /// code unit sorts after a surrogate but whose UTF-8 bytes sort before a supplementary character's).
  static List<String> values(int cardinality) {
    String[] pieces = {"a", "b", "ab", "z", "y", "v1", "é", "\uD83D\uDE00", "\uFFFD", "0", "5", "x", "-", "m"};
    Random random = new Random(cardinality);
    TreeSet<String> values = new TreeSet<>();
    while (values.size() < cardinality) {
      StringBuilder value = new StringBuilder();
      int length = values.isEmpty() ? 0 : 1 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(value.toString());
    }
    return new ArrayList<>(values);
  }

  private static int[] scan(Dictionary dictionary, Pattern pattern, boolean find) {
    int[] ids = new int[dictionary.length()];
    int count = 0;
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      var matcher = pattern.matcher(dictionary.getStringValue(dictId));
      if (find ? matcher.find() : matcher.matches()) {
        ids[count++] = dictId;
      }
    }
    return Arrays.copyOf(ids, count);
  }

  private static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        literal.append(like.charAt(++i));
      } else if (c == '%' || c == '_') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
