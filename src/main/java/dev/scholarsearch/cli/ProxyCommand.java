package dev.scholarsearch.cli;

import dev.scholarsearch.eval.ExpertProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eval-proxy}: a researchers-by-topic test collection from a corpus without expert judgments. */
@Command(name = "eval-proxy", mixinStandardHelpOptions = true,
    description = {"Make a test collection for researchers by topic from papers that have no expert judgments: "
        + "sampled papers are held out of the corpus, each one's title becomes a topic, and its authors who have "
        + "another paper in the corpus are the researchers to find. Writes corpus.jsonl, topics.tsv, qrels.txt "
        + "and README.txt into --out, the layout 'eval --collection' reads."},
    footer = {"", "Example (the real corpus, 500 topics; the index is built on the first eval):",
      "  scholar eval-proxy --out /tmp/proxy86k \\",
      "      --input ../shared/corpora/conference-papers-86k.jsonl.gz",
      "  scholar eval --task researchers --collection /tmp/proxy86k \\",
      "      --index /tmp/proxy86k-index --baseline"})
final class ProxyCommand extends CliCommand {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSONL papers (.jsonl or .jsonl.gz).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the collection goes; must not exist yet, or be empty.")
  Path outDir;

  @Option(names = "--topics", paramLabel = "N", defaultValue = "500", description = "Papers to hold out as topics (default: ${DEFAULT-VALUE}).")
  int topics;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The draw's seed; the same seed draws the same papers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      err.println("error: no such input: " + input);
      return 2;
    }
    if (topics < 1) {
      err.println("error: --topics must be at least 1, got " + topics);
      return 2;
    }
    if (Files.isDirectory(outDir)) {
      try (var s = Files.list(outDir)) {
        if (s.findAny().isPresent()) {
          err.println("error: " + outDir + " is not empty; give a new directory (nothing there is replaced)");
          return 2;
        }
      }
    } else if (Files.exists(outDir)) {
      err.println("error: " + outDir + " is a file, not a directory");
      return 2;
    }
    ExpertProxy.Made made = new ExpertProxy(topics, seed).write(input, outDir);
    out.printf("wrote %s: %d topics, %d judged authors, %d papers left in the corpus%n", outDir, made.topics(),
        made.judgments(), made.papers());
    if (made.topics() < topics) {
      err.printf("note: only %d papers of %s could be drawn (a title of at least 3 words and an author with another paper)%n",
          made.topics(), input);
    }
    return 0;
  }
}
