package dev.scholarsearch.search;

import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.index.LiveIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Query text to vector, for the semantic side of a search ({@link UserQuery#textToEmbed()}: the
 * model should read the words, not the syntax). Recent queries are remembered, so paging and facet
 * clicks do not embed the same query again.
 */
public final class QueryVectors {
  private static final int REMEMBERED = 1_024;

  private final EmbedderHandle embedder;
  private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > REMEMBERED;
    }
  };

  public QueryVectors(EmbedderHandle embedder) {
    this.embedder = embedder;
  }

  /**
   * Loads the embedding model when a search in mode {@code asked} (none: the index's default) will
   * need it. Callers run this before {@link LiveIndex#search}, so that loading, once per process,
   * never counts against a request's time budget.
   *
   * @throws dev.scholarsearch.embed.ModelNotReadyException when the model is still loading after
   *     {@link EmbedderHandle#MAX_WAIT}
   */
  public void prepareFor(LiveIndex index, Optional<SearchMode> asked) {
    if (!asked.equals(Optional.of(SearchMode.LEXICAL)) && index.manifest().hasVectors()) {
      embedder.await(EmbedderHandle.MAX_WAIT);
    }
  }

  /** The model the vectors come from (loads it on first use). */
  public String model() {
    return embedder.get().model();
  }

  /** The query's vector; empty when it has no words to embed. */
  public Optional<float[]> of(UserQuery q) {
    return embed(q.textToEmbed());
  }

  /** The vector of any text, its syntax removed as a query's is ({@link UserQuery#embeddable}). */
  public Optional<float[]> ofText(String text) {
    return embed(UserQuery.embeddable(text));
  }

  private Optional<float[]> embed(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    synchronized (recent) {
      float[] v = recent.get(text);
      if (v != null) {
        return Optional.of(v);
      }
    }
    float[] v = embedder.get().embedQuery(text);
    synchronized (recent) {
      recent.put(text, v);
    }
    return Optional.of(v);
  }
}
