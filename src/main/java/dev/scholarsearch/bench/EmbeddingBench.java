package dev.scholarsearch.bench;

import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Paper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedding throughput of several models on the same real texts, side by side in one JVM: the
 * models take turns, round after round, so a busy spell on a shared machine slows them all alike,
 * and each model's best round is reported next to the first model's.
 */
public final class EmbeddingBench {
  /** One contender: a model run {@code batch} texts per inference call. */
  public record Contender(EmbeddingModel model, int batch, int workers) {
    public Contender(EmbeddingModel model, int batch) {
      this(model, batch, OnnxEmbedder.DEFAULT_WORKERS);
    }

    @Override
    public String toString() {
      return model.name() + (batch == OnnxEmbedder.DEFAULT_BATCH ? "" : " batch " + batch)
          + (workers == OnnxEmbedder.DEFAULT_WORKERS ? "" : " workers " + workers);
    }
  }

  private final List<Contender> models;
  private final int rounds;
  private final PrintStream out;

  public EmbeddingBench(List<Contender> models, int rounds, PrintStream out) {
    if (models.isEmpty() || rounds < 1) {
      throw new IllegalArgumentException("need at least one model and one round");
    }
    this.models = List.copyOf(models);
    this.rounds = rounds;
    this.out = out;
  }

  /** The first {@code n} papers' texts in {@code input}, as the indexer embeds them. */
  public static List<String> texts(Path input, int n) {
    List<Paper> papers = new Ingester(ReferenceDate.now(), s -> {}).ingest(List.of(input.toAbsolutePath())).corpus()
        .papers();
    return papers.stream().limit(n).map(PaperVectors::text).toList();
  }

  /** Texts per second, each model's best round, in the order given. */
  public Map<Contender, Double> run(List<String> texts) {
    Map<Contender, OnnxEmbedder> loaded = new LinkedHashMap<>();
    for (Contender m : models) {
      OnnxEmbedder e = OnnxEmbedder.load(m.model(), m.batch(), m.workers());
      e.embed(texts.subList(0, Math.min(16, texts.size()))); // the first runs are slow: not the model's rate
      loaded.put(m, e);
    }
    Map<Contender, Double> best = new LinkedHashMap<>();
    try {
      for (int r = 1; r <= rounds; r++) {
        List<String> line = new ArrayList<>();
        for (Map.Entry<Contender, OnnxEmbedder> e : loaded.entrySet()) {
          long start = System.nanoTime();
          e.getValue().embed(texts);
          double rate = texts.size() / ((System.nanoTime() - start) / 1e9);
          best.merge(e.getKey(), rate, Math::max);
          line.add(String.format("%s %.1f/s", e.getKey(), rate));
        }
        out.println("round " + r + ": " + String.join(", ", line));
      }
    } finally {
      loaded.values().forEach(OnnxEmbedder::close);
    }
    double first = best.get(models.get(0));
    out.printf("%-32s %10s %8s%n", "model", "texts/s", "ratio");
    best.forEach((m, rate) -> out.printf("%-32s %10.1f %7.2fx%n", m, rate, rate / first));
    return best;
  }
}
