package dev.scholarsearch.cli;

import dev.scholarsearch.bench.EmbeddingBench;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-embed}: embedding throughput of the known models on the same real texts, side by side. */
@Command(name = "bench-embed", mixinStandardHelpOptions = true,
    description = {"Measure how fast each embedding model embeds the same real abstracts, the models taking "
        + "turns round after round, each in a JVM of its own (models loaded side by side in one JVM slow each "
        + "other), so that a busy machine slows them all alike. Each model's best round is reported, with its "
        + "ratio to the first model's (the default model unless --models says otherwise). Model loading and "
        + "each JVM's first pass over the texts are not counted."},
    footer = {"", "Example:",
      "  scholar bench-embed --texts 500 \\",
      "      --input ../shared/corpora/conference-papers-86k.jsonl.gz",
      "  scholar bench-embed --models all-MiniLM-L6-v2,all-MiniLM-L6-v2-q --rounds 3",
      "  scholar bench-embed --models " + EmbeddingBench.Contender.BASELINE + ",all-MiniLM-L6-v2-q"})
final class EmbedBenchCommand extends CliCommand {
  @Option(names = "--input", paramLabel = "FILE",
      description = "Papers to take the texts from (default: the SciFact abstracts under src/test/resources/scifact).")
  Path input;

  @Option(names = "--texts", paramLabel = "N", defaultValue = "500",
      description = "How many texts each model embeds per round (default: ${DEFAULT-VALUE}).")
  int texts;

  @Option(names = "--models", paramLabel = "LIST",
      description = "Comma-separated model names, the one to compare with first; NAME:B runs B texts per "
          + "inference call instead of " + OnnxEmbedder.DEFAULT_BATCH + ", NAME:B/W runs them on W sessions at once "
          + "instead of one per core; " + EmbeddingBench.Contender.BASELINE + " is the encoder used before batching "
          + "(langchain4j's fp32 model, one text per task on every core), to compare with (default: every known model).")
  String models;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
      description = "Rounds; each model's best counts (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--same-jvm", description = "Run every model in this JVM, in turns, instead of one JVM each.")
  boolean sameJvm;

  @Override
  public Integer call() throws java.io.IOException, InterruptedException {
    if (models != null && models.isBlank()) {
      err.println("error: --models is empty; give model names, comma-separated (--help lists the forms)");
      return 2;
    }
    List<EmbeddingBench.Contender> chosen = models == null
        ? EmbeddingModel.KNOWN.stream().map(m -> new EmbeddingBench.Contender(m, OnnxEmbedder.DEFAULT_BATCH)).toList()
        : Arrays.stream(models.split(",")).filter(s -> !s.isBlank()).map(EmbedBenchCommand::contender).toList();
    Path in = input != null ? input : Home.dir().resolve("src/test/resources/scifact/corpus.jsonl");
    if (!Files.isRegularFile(in)) {
      err.println("error: no such input: " + in + "; give --input FILE (JSONL papers)");
      return 2;
    }
    if (texts < 1 || rounds < 1) {
      err.println("error: --texts and --rounds must be at least 1");
      return 2;
    }
    if (!sameJvm) {
      out.printf("%d texts from %s, %d round%s, each model in its own JVM, %d cores, %s%n", texts, in, rounds,
          rounds == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(), Runtime.version());
      new EmbeddingBench(chosen, rounds, out).runInTurns(thisJvm(), in, texts);
      return 0;
    }
    List<String> sample = EmbeddingBench.texts(in, texts);
    out.printf("%d texts from %s, %d round%s, %d cores, %s%n", sample.size(), in, rounds, rounds == 1 ? "" : "s",
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    new EmbeddingBench(chosen, rounds, out).run(sample);
    return 0;
  }

  /** The command that starts a JVM like this one (its java, flags and class path) up to the main class. */
  private static List<String> thisJvm() {
    List<String> command = new java.util.ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    // The same heap and module flags, but no recording, agent or log file of this JVM's: two JVMs
    // would write the same file.
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")
            && !a.startsWith("-Xlog") && !a.startsWith("-XX:FlightRecorderOptions"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    return command;
  }

  private static EmbeddingBench.Contender contender(String spec) {
    if (spec.strip().equals(EmbeddingBench.Contender.BASELINE)) {
      return EmbeddingBench.Contender.baseline();
    }
    int colon = spec.lastIndexOf(':');
    if (colon < 0) {
      return new EmbeddingBench.Contender(EmbeddingModel.parse(spec), OnnxEmbedder.DEFAULT_BATCH);
    }
    EmbeddingModel model = EmbeddingModel.parse(spec.substring(0, colon)); // an unknown name is said first
    String[] batchAndWorkers = spec.substring(colon + 1).strip().split("/", 2);
    int batch = atLeastOne(batchAndWorkers[0], spec, "the batch after ':'");
    int workers = batchAndWorkers.length > 1 ? atLeastOne(batchAndWorkers[1], spec, "the sessions after '/'")
        : OnnxEmbedder.DEFAULT_WORKERS;
    return new EmbeddingBench.Contender(model, batch, workers);
  }

  private static int atLeastOne(String text, String spec, String what) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("--models " + spec + ": " + what + " must be a whole number >= 1, got '"
        + text + "'");
  }
}
