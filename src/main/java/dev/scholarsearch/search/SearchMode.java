package dev.scholarsearch.search;

import java.util.Optional;
import dev.scholarsearch.index.InvalidRequestException;
import java.util.Locale;

/** How papers are matched: by their words (BM25), by meaning (embeddings), or both fused. */
public enum SearchMode {
  LEXICAL, SEMANTIC, HYBRID;

  /** Parses a mode name; blank means "the index's default" and gives none. */
  public static Optional<SearchMode> parse(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.badParameter("mode must be lexical, semantic or hybrid, got '" + s + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
