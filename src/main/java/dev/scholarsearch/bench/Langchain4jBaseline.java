package dev.scholarsearch.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.embed.VisibleText;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The encoder issue 16 measured as "today", kept for {@code bench-embed} only: langchain4j's fp32
 * all-MiniLM-L6-v2, one text per task on a thread per core, as the indexer ran it until 2026-12-02.
 * Its vectors are the fp32 model's; the bench compares speed, the relevance figures are in
 * docs/EVALUATION.md.
 */
final class Langchain4jBaseline implements AutoCloseable {
  static final String NAME = "langchain4j-all-MiniLM-L6-v2";

  private final ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
      Thread.ofPlatform().daemon().name("baseline-embedder-", 0).factory());
  private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel(pool);

  List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> {
      String visible = VisibleText.clean(t);
      return TextSegment.from(VisibleText.hasWords(visible) ? visible : "-");
    }).toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).map(TextEmbedder::normalize).toList();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
