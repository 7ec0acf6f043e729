package dev.scholarsearch.embed;

/**
 * Text as a reader sees it. Requests carry characters no one sees (a zero-width space, a byte-order
 * mark, NUL, the U+FFFD that bytes which were not UTF-8 decode to, lone surrogates); the model's
 * tokenizer drops them, and text made only of them leaves it nothing to embed.
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * {@code s} without control and format characters, U+FFFD, noncharacters and lone surrogates;
   * every kind of space and line break becomes one plain space, and the ends are stripped.
   */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    if (isPlain(s)) {
      return s.strip();
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isSpace(cp)) {
        space = sb.length() > 0;
      } else if (!isInvisible(cp)) {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  /**
   * Whether {@code s} has something the model reads: a character that is not a space, not invisible,
   * and not a combining mark alone (the uncased tokenizer strips those with the accents).
   */
  public static boolean hasWords(String s) {
    return s.codePoints().anyMatch(cp -> !isSpace(cp) && !isInvisible(cp)
        && Character.getType(cp) != Character.NON_SPACING_MARK);
  }

  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp); // isSpaceChar adds the no-break spaces
  }

  private static boolean isInvisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> true;
      default -> cp == 0xFFFD || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    };
  }
}
