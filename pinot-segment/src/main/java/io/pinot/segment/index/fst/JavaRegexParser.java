// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/// Parses the regular subset of Java's regular expression syntax into a Lucene automaton over code points with exactly
/// the language `java.util.regex` gives the expression (no flags): literals and escapes (`\t \n \r \f \a \e \xhh
/// \x{h..} \0ooo \cX`, the four-hex-digit u escape, escaped punctuation, `\Q...\E`), `.` (any code point but a line
/// terminator), classes (`[...]`, `[^...]`, ranges, `\d \D \w \W \s \S` with Java's ASCII meaning), groups (`(...)`,
/// `(?:...)`, `(?<name>...)`), alternation, the greedy and lazy quantifiers `* + ? {n} {n,} {n,m}`, and a `^` opening
/// or `$` closing an expression without top-level alternation. Anything else (back-references, look-arounds, flags,
/// possessive quantifiers, boundaries, Unicode properties, nested or intersected classes) makes [#parse] throw
/// [Unsupported], so callers fall back to `java.util.regex`. Not thread-safe; one instance per expression.
final class JavaRegexParser {
  /// The expression uses a construct this parser does not translate.
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String construct) {
      super(construct, null, false, false);
    }
  }

  /// Largest repetition bound translated (larger ones would build huge automata).
  private static final int MAX_REPEAT = 100;
  /// Largest automaton built for a quantified part, and deepest group nesting (bounds memory and stack).
  private static final int MAX_STATES = 10_000;
  private static final int MAX_DEPTH = 50;

  private final String pattern;
  private int pos;
  private boolean startAnchor;
  private boolean endAnchor;

  private JavaRegexParser(String pattern) {
    this.pattern = pattern;
  }

  /// The parsed expression: its automaton (for the part between the anchors) and whether it is anchored.
  record Parsed(Automaton automaton, boolean startAnchor, boolean endAnchor) {
  }

  static Parsed parse(String pattern) {
    JavaRegexParser parser = new JavaRegexParser(pattern);
    List<Automaton> alternatives = parser.alternatives(0);
    if (parser.pos != pattern.length()) {
      throw new Unsupported("unbalanced ')'");
    }
    if (alternatives.size() > 1 && (parser.startAnchor || parser.endAnchor)) {
      throw new Unsupported("anchor with top-level alternation");
    }
    Automaton automaton = alternatives.size() == 1 ? alternatives.get(0) : Operations.union(alternatives);
    return new Parsed(automaton, parser.startAnchor, parser.endAnchor);
  }

  private List<Automaton> alternatives(int depth) {
    List<Automaton> alternatives = new ArrayList<>();
    alternatives.add(sequence(depth));
    while (pos < pattern.length() && pattern.charAt(pos) == '|') {
      pos++;
      alternatives.add(sequence(depth));
    }
    return alternatives;
  }

  private Automaton sequence(int depth) {
    List<Automaton> parts = new ArrayList<>();
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos);
      if (c == '|' || c == ')' && depth > 0) {
        break;
      }
      if (c == '^' || c == '$') {
        anchor(c, depth);
        continue;
      }
      if (pattern.startsWith("\\Q", pos)) {
        quoted(parts);
        continue;
      }
      parts.add(quantified(atom(depth)));
    }
    return parts.isEmpty() ? Automata.makeEmptyString() : Operations.concatenate(parts);
  }

  private void anchor(char c, int depth) {
    if (depth != 0) {
      throw new Unsupported("anchor inside a group");
    }
    if (c == '^' && pos == 0) {
      startAnchor = true;
    } else if (c == '$' && pos == pattern.length() - 1) {
      endAnchor = true;
    } else {
      throw new Unsupported("anchor inside the expression");
    }
    pos++;
    if (pos < pattern.length() && "*+?{".indexOf(pattern.charAt(pos)) >= 0) {
      throw new Unsupported("quantified anchor");
    }
  }

  private Automaton quantified(Automaton atom) {
    if (pos >= pattern.length()) {
      return atom;
    }
    int min;
    int max;
    switch (pattern.charAt(pos)) {
      case '*' -> {
        min = 0;
        max = -1;
        pos++;
      }
      case '+' -> {
        min = 1;
        max = -1;
        pos++;
      }
      case '?' -> {
        min = 0;
        max = 1;
        pos++;
      }
      case '{' -> {
        int[] bounds = bounds();
        min = bounds[0];
        max = bounds[1];
      }
      default -> {
        return atom;
      }
    }
    if (pos < pattern.length() && pattern.charAt(pos) == '?') {
      pos++; // Lazy: the same language.
    }
    if (pos < pattern.length() && "*+?{".indexOf(pattern.charAt(pos)) >= 0) {
      throw new Unsupported("possessive or repeated quantifier");
    }
    Automaton repeated = max < 0 ? Operations.repeat(atom, min) : Operations.repeat(atom, min, max);
    if (repeated.getNumStates() > MAX_STATES) {
      throw new Unsupported("repetition too large");
    }
    return repeated;
  }

  /// `{n}`, `{n,}` or `{n,m}` at `pos`: `[min, max]` with max -1 for unbounded.
  private int[] bounds() {
    int close = pattern.indexOf('}', pos);
    if (close < 0) {
      throw new Unsupported("'{' without a repetition");
    }
    String body = pattern.substring(pos + 1, close);
    int comma = body.indexOf(',');
    try {
      int min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
      int max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
      if (min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && max < min) {
        throw new Unsupported("large repetition");
      }
      pos = close + 1;
      return new int[] {min, max};
    } catch (NumberFormatException e) {
      throw new Unsupported("malformed repetition");
    }
  }

  private Automaton atom(int depth) {
    int c = pattern.codePointAt(pos);
    switch (c) {
      case '(' -> {
        return group(depth);
      }
      case '[' -> {
        return characterClass().toAutomaton();
      }
      case '.' -> {
        pos++;
        return RegexCharacters.dot().toAutomaton();
      }
      case '\\' -> {
        return escape();
      }
      case '*', '+', '?', '{', ')' -> throw new Unsupported("dangling '" + (char) c + "'");
      default -> {
        pos += Character.charCount(c);
        return Automata.makeChar(c);
      }
    }
  }

  private Automaton group(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new Unsupported("groups nested too deeply");
    }
    pos++;
    if (pattern.startsWith("?:", pos)) {
      pos += 2;
    } else if (pattern.startsWith("?<", pos) && pos + 2 < pattern.length()
        && Character.isLetter(pattern.charAt(pos + 2))) {
      int close = pattern.indexOf('>', pos);
      if (close < 0) {
        throw new Unsupported("unterminated group name");
      }
      pos = close + 1;
    } else if (pos < pattern.length() && pattern.charAt(pos) == '?') {
      throw new Unsupported("special group");
    }
    List<Automaton> alternatives = alternatives(depth + 1);
    if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
      throw new Unsupported("unclosed group");
    }
    pos++;
    return alternatives.size() == 1 ? alternatives.get(0) : Operations.union(alternatives);
  }

  /// `\Q...\E` (or to the end): literal characters, of which a following quantifier repeats the last one (Java
  /// turns the quoted text into escaped characters).
  private void quoted(List<Automaton> parts) {
    int end = pattern.indexOf("\\E", pos + 2);
    String text = pattern.substring(pos + 2, end < 0 ? pattern.length() : end);
    pos = end < 0 ? pattern.length() : end + 2;
    if (text.isEmpty()) {
      if (pos < pattern.length() && "*+?{".indexOf(pattern.charAt(pos)) >= 0) {
        throw new Unsupported("quantifier after an empty quote");
      }
      return;
    }
    int last = text.codePointBefore(text.length());
    int lastStart = text.length() - Character.charCount(last);
    if (lastStart > 0) {
      parts.add(Automata.makeString(text.substring(0, lastStart)));
    }
    parts.add(quantified(Automata.makeChar(last)));
  }

  /// An escape outside a class: a class shorthand or one code point.
  private Automaton escape() {
    RegexCharacters.Escape escape = RegexCharacters.escape(pattern, pos);
    pos = escape.end();
    return escape.set().toAutomaton();
  }

  /// A `[...]` class at `pos`.
  private CodePointSet characterClass() {
    pos++;
    boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    if (pos < pattern.length() && pattern.charAt(pos) == ']') {
      throw new Unsupported("class starting with ']'");
    }
    CodePointSet set = new CodePointSet();
    while (true) {
      if (pos >= pattern.length()) {
        throw new Unsupported("unclosed class");
      }
      char c = pattern.charAt(pos);
      if (c == ']') {
        pos++;
        break;
      }
      if (c == '[' || c == '&' && pattern.startsWith("&&", pos)) {
        throw new Unsupported("nested or intersected class");
      }
      classMember(set);
    }
    return negated ? set.complement() : set;
  }

  /// One member of a class at `pos`: a code point, a range or a shorthand class.
  private void classMember(CodePointSet set) {
    RegexCharacters.Escape first = classAtom();
    boolean range = first.single() && pos + 1 < pattern.length() && pattern.charAt(pos) == '-'
        && pattern.charAt(pos + 1) != ']';
    if (!range) {
      set.addAll(first.set());
      return;
    }
    pos++;
    RegexCharacters.Escape last = classAtom();
    if (!last.single() || last.codePoint() < first.codePoint()) {
      throw new Unsupported("malformed range");
    }
    set.add(first.codePoint(), last.codePoint());
  }

  private RegexCharacters.Escape classAtom() {
    if (pattern.charAt(pos) == '\\') {
      if (pattern.startsWith("\\Q", pos)) {
        throw new Unsupported("quoting inside a class");
      }
      RegexCharacters.Escape escape = RegexCharacters.escape(pattern, pos);
      pos = escape.end();
      return escape;
    }
    int c = pattern.codePointAt(pos);
    pos += Character.charCount(c);
    return RegexCharacters.Escape.single(c, pos);
  }
}
