// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// String and regular-expression functions, with Pinot's index conventions and edge cases.
class StringFunctionsTest {
  @Test
  void caseLengthAndTrimming() {
    assertThat(call("upper", "straße")).isEqualTo("STRASSE");
    assertThat(call("lower", "ÀB")).isEqualTo("àb");
    assertThat(call("upper", 12)).isEqualTo("12");
    assertThat(call("initcap", "hello wORLD  x")).isEqualTo("Hello World  X");
    assertThat(call("reverse", "ab😀")).isEqualTo("😀ba");
    assertThat(call("length", "")).isEqualTo(0);
    assertThat(call("length", "😀")).isEqualTo(2);
    assertThat(call("charLength", "😀")).isEqualTo(1);
    assertThat(call("octetLength", "é")).isEqualTo(2);
    assertThat(call("bitLength", "é")).isEqualTo(16);
    assertThat(call("trim", "  a b \t")).isEqualTo("a b");
    assertThat(call("ltrim", " \t a ")).isEqualTo("a ");
    assertThat(call("rtrim", " a \n")).isEqualTo(" a");
    assertThat(call("trim", "LEADING", "xy", "xyxaxy")).isEqualTo("axy");
    assertThat(call("trim", "TRAILING", "xy", "xyxaxy")).isEqualTo("xyxa");
    assertThat(call("trim", "BOTH", "x", "xxx")).isEqualTo("");
  }

  @Test
  void substringsUseZeroBasedOrOneBasedIndexesAsPinot() {
    assertThat(call("substr", "hello", 1)).isEqualTo("ello");
    assertThat(call("substr", "hello", 1, 3)).isEqualTo("el");
    assertThat(call("substr", "hello", 2, -1)).isEqualTo("llo");
    assertThat(call("substr", "hello", -2)).isEqualTo("lo");
    assertThat(call("substr", "hello", 10)).isEqualTo("");
    assertThat(call("substr", "hello", 3, 1)).isEqualTo("");
    assertThat(call("substr", "hello", 0, 99)).isEqualTo("hello");
    assertThat(call("substring", "hello", 2)).isEqualTo("ello");
    assertThat(call("substring", "hello", 2, 3)).isEqualTo("ell");
    assertThat(call("left", "hello", 2)).isEqualTo("he");
    assertThat(call("leftSubStr", "hi", 5)).isEqualTo("hi");
    assertThat(call("right", "hello", 2)).isEqualTo("lo");
    assertThat(call("rightSubStr", "hello", -1)).isEqualTo("");
  }

  @Test
  void concatenationRepetitionAndPadding() {
    assertThat(call("concat", "a", "b")).isEqualTo("ab");
    assertThat(call("concat", "a", "b", "-")).isEqualTo("a-b");
    assertThat(call("concatWS", "-", "a", "b")).isEqualTo("a-b");
    assertThat(call("concat", "a", 1)).isEqualTo("a1");
    assertThat(call("repeat", "ab", 3)).isEqualTo("ababab");
    assertThat(call("repeat", "ab", "|", 2)).isEqualTo("ab|ab");
    assertThat(call("repeat", "ab", 0)).isEqualTo("");
    assertThat(call("space", 2)).isEqualTo("  ");
    assertThat(call("lpad", "7", 3, "0")).isEqualTo("007");
    assertThat(call("lpad", "7", 6, "ab")).isEqualTo("ababa7");
    assertThat(call("rpad", "7", 3, "xy")).isEqualTo("7xy");
    assertThat(call("rpad", "long", 2, "x")).isEqualTo("long");
    assertThat(call("lpad", "a", 3, "")).isEqualTo("  a");
  }

  @Test
  void searchingAndReplacing() {
    assertThat(call("strpos", "banana", "an")).isEqualTo(1);
    assertThat(call("strpos", "banana", "an", 2)).isEqualTo(3);
    assertThat(call("strpos", "aaa", "aa", 2)).isEqualTo(1);
    assertThat(call("strpos", "banana", "x")).isEqualTo(-1);
    assertThat(call("strpos", "banana", "an", 0)).isEqualTo(-1);
    assertThat(call("strrpos", "banana", "an")).isEqualTo(3);
    assertThat(call("strrpos", "banana", "an", 2)).isEqualTo(1);
    assertThat(call("startsWith", "banana", "ban")).isEqualTo(true);
    assertThat(call("endsWith", "banana", "nab")).isEqualTo(false);
    assertThat(call("contains", "banana", "nan")).isEqualTo(true);
    assertThat(call("strcmp", "a", "b")).isEqualTo(-1);
    assertThat(call("replace", "a.b.c", ".", "::")).isEqualTo("a::b::c");
    assertThat(call("replace", "abc", "", "x")).isEqualTo("abc");
    assertThat(call("remove", "banana", "an")).isEqualTo("ba");
    assertThat(call("hammingDistance", "abc", "abd")).isEqualTo(1);
    assertThat(call("hammingDistance", "abc", "ab")).isEqualTo(-1);
    assertThat(call("levenshteinDistance", "kitten", "sitting")).isEqualTo(3);
    assertThat(call("codepoint", "A")).isEqualTo(65);
    assertThat(call("chr", 128512)).isEqualTo("😀");
  }

  @Test
  void splittingDropsEmptyTokens() {
    assertThat(call("split", "a,,b,", ",")).isEqualTo(new Object[] {"a", "b"});
    assertThat(call("split", "a::b::c", "::", 2)).isEqualTo(new Object[] {"a", "b::c"});
    assertThat(call("split", " a  b ", "")).isEqualTo(new Object[] {"a", "b"});
    assertThat(call("split", "", ",")).isEqualTo(new Object[0]);
    assertThat(call("splitPart", "a,b,c", ",", 1)).isEqualTo("b");
    assertThat(call("splitPart", "a,b,c", ",", -1)).isEqualTo("c");
    assertThat(call("splitPart", "a,b,c", ",", 3)).isEqualTo("null");
    assertThat(call("splitPart", "a,b,c", ",", 2, 1)).isEqualTo("b,c");
  }

  @Test
  void encodings() {
    assertThat((byte[]) call("toUtf8", "é")).containsExactly(0xc3, 0xa9);
    assertThat(call("fromUtf8", new byte[] {(byte) 0xc3, (byte) 0xa9})).isEqualTo("é");
    assertThat(call("fromUtf8", "c3a9")).isEqualTo("é");
    assertThat((byte[]) call("toAscii", "A")).containsExactly(65);
    assertThat(call("fromAscii", new byte[] {66})).isEqualTo("B");
    assertThat(call("encodeUrl", "a b&c")).isEqualTo("a+b%26c");
    assertThat(call("decodeUrl", "a+b%26c")).isEqualTo("a b&c");
    assertThat(call("toBase64", new byte[] {1, 2, 3})).isEqualTo("AQID");
    assertThat((byte[]) call("fromBase64", "AQID")).containsExactly(1, 2, 3);
    assertThat(call("normalize", "e\u0301")).isEqualTo("é");
    assertThat(call("normalize", "é", "NFD")).isEqualTo("e\u0301");
  }

  @Test
  void regularExpressions() {
    assertThat(call("regexpExtract", "foo123bar", "\\d+")).isEqualTo("123");
    assertThat(call("regexpExtract", "key=value", "(\\w+)=(\\w+)", 2)).isEqualTo("value");
    assertThat(call("regexpExtract", "none", "(\\d+)", 1, "dflt")).isEqualTo("dflt");
    assertThat(call("regexpExtract", "none", "(\\d+)", 3)).isEqualTo("");
    assertThat(call("regexpReplace", "a1b22c", "\\d+", "#")).isEqualTo("a#b#c");
    assertThat(call("regexpReplace", "a1b22c", "\\d+", "#", 2)).isEqualTo("a1b#c");
    assertThat(call("regexpReplace", "a1b2c3", "\\d", "#", 0, 1)).isEqualTo("a1b#c3");
    assertThat(call("regexpReplace", "AbAb", "a", "x", 0, -1, "i")).isEqualTo("xbxb");
    assertThat(call("regexpReplace", "ab", "(a)(b)", "$2$1")).isEqualTo("ba");
    assertThat(call("regexpLike", "Hello", "^H")).isEqualTo(true);
    assertThat(call("regexpLikeCi", "hello", "^H")).isEqualTo(true);
    assertThat(call("regexpCount", "a1b2c3", "\\d")).isEqualTo(3);
    assertThat(call("regexpSubstr", "a1b2", "\\d")).isEqualTo("1");
    assertThat(call("regexpSubstr", "ab", "\\d")).isNull();
    assertThat(call("like", "Hello.txt", "H%.txt")).isEqualTo(true);
    assertThat(call("like", "Hxllo", "H_llo")).isEqualTo(true);
    assertThat(call("like", "H.llo", "H\\.llo")).isEqualTo(true);
    assertThat(call("like", "Hello", "h%")).isEqualTo(false);
    assertThat(call("like", "a(b)[c]*", "a(b)[c]*")).isEqualTo(true);
  }
}
