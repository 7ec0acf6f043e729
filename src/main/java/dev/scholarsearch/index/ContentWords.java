package dev.scholarsearch.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a word that says what a paper is about from filler ("during", "per", "exploits", "our"):
 * the words shown as a reason ("shares rollout, policy") are content words only. The list is
 * {@code filler-words.txt}, stemmed as the index stems, so "exploits" and "exploited" go together.
 * Display only: search and ranking still read every word.
 */
public final class ContentWords {
  private static final Set<String> FILLER = load();

  private ContentWords() {}

  /** Whether the index term {@code stem} is a content word. */
  public static boolean isContent(String stem) {
    return stem.length() > 1 && !FILLER.contains(stem) && !stem.chars().allMatch(Character::isDigit);
  }

  private static Set<String> load() {
    Set<String> stems = new HashSet<>();
    try (InputStream in = ContentWords.class.getResourceAsStream("filler-words.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      StringBuilder words = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        words.append(hash < 0 ? line : line.substring(0, hash)).append('\n');
      }
      for (String w : words.toString().split("\\s+")) {
        if (!w.isEmpty()) {
          stems.add(w);
          stems.addAll(WordCounts.of(w).keySet());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("filler-words.txt is part of the jar", e);
    }
    return Set.copyOf(stems);
  }
}
