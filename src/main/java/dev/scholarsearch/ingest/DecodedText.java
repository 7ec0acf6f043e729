package dev.scholarsearch.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text decoded from bytes of unknown encoding, with line endings and trailing spaces normalised.
 *
 * @param text the text, lines separated by '\n', with no trailing spaces and no BOM
 * @param charset the encoding that was used
 * @param note why that encoding was chosen when it was not plain UTF-8, else ""
 */
public record DecodedText(String text, Charset charset, String note) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Decodes a page: a BOM decides the encoding; otherwise strict UTF-8, then UTF-16 when every
   * other byte is zero, then windows-1252 (a superset of Latin-1) so that no byte is ever fatal.
   */
  public static DecodedText decode(byte[] bytes) {
    Charset cs;
    String note = "";
    int skip = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
      note = "UTF-16BE byte order mark";
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
      note = "UTF-16LE byte order mark";
    } else if (isStrictUtf8(bytes)) {
      cs = StandardCharsets.UTF_8;
    } else if (looksLikeUtf16(bytes)) {
      cs = zeroesAtEvenOffsets(bytes) ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
      note = "no BOM, but every other byte is zero: read as " + cs.name();
    } else {
      cs = WINDOWS_1252;
      note = "not valid UTF-8: read as windows-1252";
    }
    String raw = new String(bytes, skip, bytes.length - skip, cs);
    return new DecodedText(normalizeLines(raw), cs, note);
  }

  /** CRLF and CR become LF, a leading BOM and trailing spaces of every line go, NUL and NBSP become spaces. */
  static String normalizeLines(String raw) {
    String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    StringBuilder out = new StringBuilder(s.length());
    int lineStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        trimTrailing(out, lineStart);
        out.append('\n');
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        lineStart = out.length();
      } else if (c == '\u0000' || c == '\u00A0' || c == '\t') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    trimTrailing(out, lineStart);
    return out.toString();
  }

  private static void trimTrailing(StringBuilder out, int lineStart) {
    int end = out.length();
    while (end > lineStart && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
  }

  private static boolean isStrictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean looksLikeUtf16(byte[] bytes) {
    int n = Math.min(bytes.length, 4096) & ~1;
    if (n < 8) {
      return false;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (bytes[i] == 0) {
        evenZero++;
      }
      if (bytes[i + 1] == 0) {
        oddZero++;
      }
    }
    int half = n / 2;
    return evenZero > half * 0.8 || oddZero > half * 0.8;
  }

  private static boolean zeroesAtEvenOffsets(byte[] bytes) {
    int n = Math.min(bytes.length, 4096) & ~1;
    int evenZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (bytes[i] == 0) {
        evenZero++;
      }
    }
    return evenZero > n / 4;
  }
}
