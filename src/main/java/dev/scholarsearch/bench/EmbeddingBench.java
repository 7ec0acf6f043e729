package dev.scholarsearch.bench;

import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Embedding throughput of several models on the same real texts, side by side: the models take
 * turns, round after round, so a busy spell on a shared machine slows them all alike, and each
 * model's best round is reported next to the first model's. By default each model runs in a JVM
 * of its own ({@link #runInTurns}); {@link #run} keeps them all in this one.
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

    /** The form {@code --models} takes for this contender. */
    public String spec() {
      if (model == null) {
        return BASELINE;
      }
      boolean defaults = batch == OnnxEmbedder.DEFAULT_BATCH && workers == OnnxEmbedder.DEFAULT_WORKERS;
      return model.name() + (defaults ? "" : ":" + batch + "/" + workers);
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

  /**
   * Texts per second, each model's best, with each model in a JVM of its own: the JVMs take turns,
   * {@code rounds} times, each embedding the texts twice and counting its faster pass (an encoder's
   * first pass in a JVM runs at half its rate or less). In one JVM the models slow each other: with
   * langchain4j's encoder loaded beside ours, ours ran at 87 texts/s against 207 alone, and the
   * baseline at 32 against 55 (2026-12-03, 1,500 real abstracts). {@code jvm} is the command line
   * that starts a JVM of this one's kind, up to the main class; {@code input} and {@code n} say
   * which texts each reads.
   */
  public Map<Contender, Double> runInTurns(List<String> jvm, Path input, int n) throws IOException, InterruptedException {
    Map<Contender, Double> best = new LinkedHashMap<>();
    for (int r = 1; r <= rounds; r++) {
      List<String> line = new ArrayList<>();
      for (Contender m : models) {
        double rate = inOwnJvm(jvm, m, input, n);
        best.merge(m, rate, Math::max);
        line.add(String.format("%s %.1f/s", m, rate));
      }
      out.println("round " + r + ": " + String.join(", ", line));
    }
    report(best);
    return best;
  }

  private static double inOwnJvm(List<String> jvm, Contender m, Path input, int n) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvm);
    command.addAll(List.of("bench-embed", "--same-jvm", "--rounds", "2", "--texts", Integer.toString(n), "--input",
        input.toString(), "--models", m.spec()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("bench-embed for " + m + " in its own JVM failed (exit " + p.exitValue() + "):\n" + output);
    }
    // Its last line is the table's one row: name, texts/s, ratio.
    String[] last = output.strip().lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
    try {
      return Double.parseDouble(last[last.length - 2]);
    } catch (RuntimeException e) {
      throw new IOException("bench-embed for " + m + " printed no rate:\n" + output, e);
    }
  }

  private void report(Map<Contender, Double> best) {
    double first = best.get(models.get(0));
    out.printf("%-32s %10s %8s%n", "model", "texts/s", "ratio");
    best.forEach((m, rate) -> out.printf("%-32s %10.1f %7.2fx%n", m, rate, rate / first));
  }

  /** Texts per second, each model's best round, in the order given, all in this JVM. */
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
    report(best);
    return best;
  }
}
