package dev.scholarsearch.search;

import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.embed.TextEmbedder;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** The process's handle on the model {@code index}'s vectors come from (the default one when it has none). */
  public static EmbedderHandle sharedHandle(LiveIndex index) {
    return EmbedderHandle.shared(index.manifest().embeddingModel().orElse(EmbeddingModel.DEFAULT));
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

  /**
   * The vector of a text that stands for a paper (a pasted abstract, for similar papers), embedded
   * as the papers are (models with a passage prefix tell the two apart), its syntax removed as a
   * query's is ({@link UserQuery#embeddable}).
   */
  public Optional<float[]> ofText(String text) {
    return embed(UserQuery.embeddable(text), true);
  }

  private Optional<float[]> embed(String text) {
    return embed(text, false);
  }

  private Optional<float[]> embed(String text, boolean passage) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String key = (passage ? "p:" : "q:") + text;
    synchronized (recent) {
      float[] v = recent.get(key);
      if (v != null) {
        return Optional.of(v);
      }
    }
    TextEmbedder model = embedder.get();
    float[] v = passage ? model.embed(List.of(text)).get(0) : model.embedQuery(text);
    synchronized (recent) {
      recent.put(key, v);
    }
    return Optional.of(v);
  }
}
