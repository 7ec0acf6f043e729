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
import java.util.function.Function;

/**
 * Embedding throughput of several models on the same real texts, side by side in one JVM: the
 * models take turns, round after round, so a busy spell on a shared machine slows them all alike,
 * and each model's best round is reported next to the first model's.
 */
public final class EmbeddingBench {
  /**
   * One contender: a model run {@code batch} texts per inference call on {@code workers} sessions,
   * or, with a null model, {@link Langchain4jBaseline} (the encoder the issue measured).
   */
  public record Contender(EmbeddingModel model, int batch, int workers) {
    public Contender(EmbeddingModel model, int batch) {
      this(model, batch, OnnxEmbedder.DEFAULT_WORKERS);
    }

    /** The name {@code --models} takes for the baseline. */
    public static final String BASELINE = Langchain4jBaseline.NAME;

    public static Contender baseline() {
      return new Contender(null, 1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
      if (model == null) {
        return BASELINE;
      }
      return model.name() + (batch == OnnxEmbedder.DEFAULT_BATCH ? "" : " batch " + batch)
          + (workers == OnnxEmbedder.DEFAULT_WORKERS ? "" : " workers " + workers);
    }

    /** The contender loaded, as a function from texts to vectors, and what frees it. */
    private Loaded load() {
      if (model == null) {
        Langchain4jBaseline b = new Langchain4jBaseline();
        return new Loaded(b::embed, b);
      }
      OnnxEmbedder e = OnnxEmbedder.load(model, batch, workers);
      return new Loaded(e::embed, e);
    }
  }

  private record Loaded(Function<List<String>, List<float[]>> embed, AutoCloseable resource) {}

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
    Map<Contender, Loaded> loaded = new LinkedHashMap<>();
    for (Contender m : models) {
      Loaded e = m.load();
      e.embed().apply(texts.subList(0, Math.min(16, texts.size()))); // the first runs are slow: not the model's rate
      loaded.put(m, e);
    }
    Map<Contender, Double> best = new LinkedHashMap<>();
    try {
      for (int r = 1; r <= rounds; r++) {
        List<String> line = new ArrayList<>();
        for (Map.Entry<Contender, Loaded> e : loaded.entrySet()) {
          long start = System.nanoTime();
          e.getValue().embed().apply(texts);
          double rate = texts.size() / ((System.nanoTime() - start) / 1e9);
          best.merge(e.getKey(), rate, Math::max);
          line.add(String.format("%s %.1f/s", e.getKey(), rate));
        }
        out.println("round " + r + ": " + String.join(", ", line));
      }
    } finally {
      for (Loaded l : loaded.values()) {
        try {
          l.resource().close();
        } catch (Exception ignored) {
          // a model that fails to free itself at the end of a bench run changes no figure
        }
      }
    }
    double first = best.get(models.get(0));
    out.printf("%-32s %10s %8s%n", "model", "texts/s", "ratio");
    best.forEach((m, rate) -> out.printf("%-32s %10.1f %7.2fx%n", m, rate, rate / first));
    return best;
  }
}
