package dev.scholarsearch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalised keys for matching names and titles across sources, and the hashes ids are made from. */
public final class TextKeys {
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TextKeys() {}

  /** Lower case, accents folded, anything but letters and digits turned into single spaces. */
  public static String normalize(String text) {
    String ascii = asciiKey(text);
    if (ascii != null) {
      return ascii;
    }
    String folded = DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    return NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /**
   * {@link #normalize} for plain ASCII text, without the Unicode decomposition and the two regular
   * expressions: most names and titles are ASCII, and normalising them was a third of merging the
   * 86k corpus. Null when the text has a character beyond ASCII.
   */
  private static String asciiKey(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        return null;
      }
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
      if (alnum) {
        if (gap && !out.isEmpty()) {
          out.append(' ');
        }
        gap = false;
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** The key two spellings of one person's name share: "Zhu, Siqi" and "Siqi Zhu" both give "siqi zhu". */
  public static String nameKey(String name) {
    return normalize(displayName(name));
  }

  /**
   * Whether two name keys can be one person's: the same surname, and given names that agree
   * initial by initial where one is abbreviated ("j smith" and "john smith", "j r smith" and
   * "john robert smith"). Only for authors of one paper: on its own it says nothing.
   */
  public static boolean compatibleNames(String keyA, String keyB) {
    String[] a = keyA.split(" ");
    String[] b = keyB.split(" ");
    if (a.length < 2 || b.length < 2 || !a[a.length - 1].equals(b[b.length - 1]) || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length - 1; i++) {
      String x = a[i];
      String y = b[i];
      boolean agree = x.equals(y) || (x.length() == 1 && y.startsWith(x)) || (y.length() == 1 && x.startsWith(y));
      if (!agree) {
        return false;
      }
    }
    return true;
  }

  /** Turns "Last, First" into "First Last"; other names are returned trimmed. */
  public static String displayName(String name) {
    String trimmed = name.strip();
    int comma = trimmed.indexOf(',');
    if (comma > 0 && comma == trimmed.lastIndexOf(',')) {
      String last = trimmed.substring(0, comma).strip();
      String first = trimmed.substring(comma + 1).strip();
      if (!first.isEmpty() && !last.isEmpty()) {
        return first + " " + last;
      }
    }
    return singleSpaced(trimmed) ? trimmed : trimmed.replaceAll("\\s+", " ");
  }

  /** Whether every whitespace in {@code s} is one plain space: then there is nothing to collapse. */
  private static boolean singleSpaced(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || (i > 0 && s.charAt(i - 1) == ' '))) {
        return false;
      }
    }
    return true;
  }

  /** Lower-case ASCII words joined by hyphens, for readable ids. */
  public static String slug(String text) {
    String s = normalize(text).replaceAll("[^a-z0-9 ]", "").trim().replace(' ', '-');
    return s.isEmpty() ? "x" : s;
  }

  /** The first {@code hexChars} hex digits of the SHA-256 of the text. */
  public static String hash(String text, int hexChars) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The set of normalised words. */
  public static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : normalize(text).split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The set of word trigrams ("shingles") of the normalised text. */
  public static Set<String> shingles(String text) {
    String[] w = normalize(text).split(" ");
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i + 2 < w.length; i++) {
      out.add(w[i] + ' ' + w[i + 1] + ' ' + w[i + 2]);
    }
    return out;
  }

  /** |a ∩ b| / |a ∪ b|, or 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : a) {
      if (b.contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
