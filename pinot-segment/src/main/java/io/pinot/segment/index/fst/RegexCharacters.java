// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

/// The character-level pieces of Java regular expressions: escapes and their code points or shorthand classes
/// (with `java.util.regex`'s default, ASCII meaning of `\d`, `\w` and `\s`), and the set `.` matches. Stateless
/// utilities.
final class RegexCharacters {
  private RegexCharacters() {
  }

  /// A parsed escape (or single character): its set, whether it is one code point (then `codePoint`), and the
  /// position after it.
  record Escape(CodePointSet set, boolean single, int codePoint, int end) {
    static Escape single(int codePoint, int end) {
      return new Escape(CodePointSet.of(codePoint), true, codePoint, end);
    }

    static Escape of(CodePointSet set, int end) {
      return new Escape(set, false, -1, end);
    }
  }

  /// What `.` matches without flags: any code point but the line terminators `\n`, `\r`, U+0085, U+2028, U+2029.
  static CodePointSet dot() {
    return lineTerminators().complement();
  }

  static CodePointSet lineTerminators() {
    return new CodePointSet().add('\n', '\n').add('\r', '\r').add(0x85, 0x85).add(0x2028, 0x2029);
  }

  /// The escape starting with the backslash at `pos`.
  ///
  /// @throws JavaRegexParser.Unsupported for escapes that are not translated
  static Escape escape(String pattern, int pos) {
    if (pos + 1 >= pattern.length()) {
      throw new JavaRegexParser.Unsupported("trailing backslash");
    }
    int c = pattern.codePointAt(pos + 1);
    int next = pos + 1 + Character.charCount(c);
    return switch (c) {
      case 'd' -> Escape.of(digits(), next);
      case 'D' -> Escape.of(digits().complement(), next);
      case 'w' -> Escape.of(word(), next);
      case 'W' -> Escape.of(word().complement(), next);
      case 's' -> Escape.of(space(), next);
      case 'S' -> Escape.of(space().complement(), next);
      case 't' -> Escape.single('\t', next);
      case 'n' -> Escape.single('\n', next);
      case 'r' -> Escape.single('\r', next);
      case 'f' -> Escape.single('\f', next);
      case 'a' -> Escape.single(0x07, next);
      case 'e' -> Escape.single(0x1B, next);
      case 'x' -> hex(pattern, next);
      case 'u' -> unicode(pattern, next);
      case '0' -> octal(pattern, next);
      case 'c' -> {
        if (next >= pattern.length()) {
          throw new JavaRegexParser.Unsupported("\\c without a character");
        }
        yield Escape.single(pattern.charAt(next) ^ 64, next + 1);
      }
      default -> {
        if (Character.isLetterOrDigit(c)) {
          throw new JavaRegexParser.Unsupported("escape \\" + Character.toString(c));
        }
        yield Escape.single(c, next);
      }
    };
  }

  private static CodePointSet digits() {
    return CodePointSet.range('0', '9');
  }

  private static CodePointSet word() {
    return new CodePointSet().add('a', 'z').add('A', 'Z').add('_', '_').add('0', '9');
  }

  private static CodePointSet space() {
    return new CodePointSet().add(' ', ' ').add('\t', '\r');
  }

  private static Escape hex(String pattern, int start) {
    if (start < pattern.length() && pattern.charAt(start) == '{') {
      int close = pattern.indexOf('}', start);
      if (close < 0) {
        throw new JavaRegexParser.Unsupported("unclosed \\x{");
      }
      return Escape.single(codePoint(pattern.substring(start + 1, close)), close + 1);
    }
    if (start + 2 > pattern.length()) {
      throw new JavaRegexParser.Unsupported("short \\x escape");
    }
    return Escape.single(codePoint(pattern.substring(start, start + 2)), start + 2);
  }

  private static Escape unicode(String pattern, int start) {
    if (start + 4 > pattern.length()) {
      throw new JavaRegexParser.Unsupported("short \\u escape");
    }
    int value = codePoint(pattern.substring(start, start + 4));
    if (Character.isSurrogate((char) value)) {
      throw new JavaRegexParser.Unsupported("surrogate escape");
    }
    return Escape.single(value, start + 4);
  }

  /// `\0n`, `\0nn` or `\0mnn` (m at most 3).
  private static Escape octal(String pattern, int start) {
    int value = 0;
    int end = start;
    while (end < pattern.length() && end - start < 3) {
      int digit = pattern.charAt(end) - '0';
      if (digit < 0 || digit > 7 || value * 8 + digit > 0377) {
        break;
      }
      value = value * 8 + digit;
      end++;
    }
    if (end == start) {
      throw new JavaRegexParser.Unsupported("empty octal escape");
    }
    return Escape.single(value, end);
  }

  private static int codePoint(String hex) {
    try {
      int value = Integer.parseInt(hex, 16);
      if (hex.isEmpty() || hex.charAt(0) == '+' || hex.charAt(0) == '-' || value > CodePointSet.MAX) {
        throw new JavaRegexParser.Unsupported("bad hex escape");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new JavaRegexParser.Unsupported("bad hex escape");
    }
  }
}
