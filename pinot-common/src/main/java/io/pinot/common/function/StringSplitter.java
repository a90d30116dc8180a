// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.util.ArrayList;
import java.util.List;

/// Splitting as Commons Lang's `splitByWholeSeparator` does it for Pinot's `split` and `splitPart`: the whole
/// delimiter text separates tokens, adjacent delimiters produce no empty tokens, an empty delimiter splits on
/// whitespace, and with a positive limit the last token keeps the rest of the text. Stateless.
final class StringSplitter {
  private StringSplitter() {
  }

  /// The tokens of `input`.
  ///
  /// @param limit the maximum number of tokens, 0 or less for no limit
  static String[] split(String input, String delimiter, int limit) {
    List<String> tokens = new ArrayList<>();
    int length = input.length();
    int position = 0;
    while (position < length) {
      position = skipDelimiters(input, delimiter, position);
      if (position >= length) {
        break;
      }
      if (limit > 0 && tokens.size() == limit - 1) {
        tokens.add(input.substring(position));
        break;
      }
      int end = nextDelimiter(input, delimiter, position);
      tokens.add(input.substring(position, end));
      position = end;
    }
    return tokens.toArray(new String[0]);
  }

  /// Part `index` (0-based; negative counts from the end) of the split text, or the text `"null"` when there is no
  /// such part.
  static String splitPart(String input, String delimiter, int limit, int index) {
    String[] parts = split(input, delimiter, limit);
    int position = index < 0 ? parts.length + index : index;
    return position >= 0 && position < parts.length ? parts[position] : "null";
  }

  private static int skipDelimiters(String input, String delimiter, int position) {
    int current = position;
    if (delimiter.isEmpty()) {
      while (current < input.length() && Character.isWhitespace(input.charAt(current))) {
        current++;
      }
      return current;
    }
    while (input.startsWith(delimiter, current)) {
      current += delimiter.length();
    }
    return current;
  }

  private static int nextDelimiter(String input, String delimiter, int position) {
    if (delimiter.isEmpty()) {
      int current = position;
      while (current < input.length() && !Character.isWhitespace(input.charAt(current))) {
        current++;
      }
      return current;
    }
    int end = input.indexOf(delimiter, position);
    return end < 0 ? input.length() : end;
  }
}
