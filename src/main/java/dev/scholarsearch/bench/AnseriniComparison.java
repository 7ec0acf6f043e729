package dev.scholarsearch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scholarsearch.ingest.JsonlPaperReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Our indexer against the one a user would pick instead: Anserini's IndexCollection, on the same
 * papers, each in a JVM of its own (start-up counted for both), run in turns, best of the rounds.
 * Anserini gets its usual setup for a corpus it can later rerank and highlight: title and abstract
 * as one contents field, positions, document vectors and the raw record stored, as many threads as
 * cores. Ours builds everything it serves (facets, records, researchers) without vectors.
 */
public final class AnseriniComparison {
  /** The peer's fatjar, resolved through Maven, used by this benchmark only. */
  public static final String ARTIFACT = "io.anserini:anserini:1.5.0:jar:fatjar";

  /** One indexer's rounds: wall seconds each, and the size of its last index. */
  public record Result(String indexer, List<Double> seconds, long bytes) {
    public double best() {
      return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
  }

  private final Path java;
  private final Path anseriniJar;
  private final Path ourJar;
  private final Path work;
  private final int threads;
  private final PrintStream log;

  public AnseriniComparison(Path java, Path anseriniJar, Path ourJar, Path work, int threads, PrintStream log) {
    this.java = java;
    this.anseriniJar = anseriniJar;
    this.ourJar = ourJar;
    this.work = work;
    this.threads = threads;
    this.log = log;
  }

  /** Where Maven puts the fatjar in the local repository {@code m2}. */
  public static Path localJar(Path m2) {
    return m2.resolve("io/anserini/anserini/1.5.0/anserini-1.5.0-fatjar.jar");
  }

  /**
   * Both indexers on {@code input}, {@code rounds} times each, in turns (Anserini first in odd
   * rounds, ours first in even ones, so neither always meets the warmer page cache). Returns
   * Anserini's result, then ours.
   */
  public List<Result> run(Path input, int rounds) throws IOException, InterruptedException {
    Path collection = work.resolve("anserini-collection");
    int papers = writeCollection(input, collection);
    log.printf("wrote %,d papers as Anserini's JsonCollection in %s%n", papers, collection);
    List<Double> theirs = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    Path theirIndex = work.resolve("anserini-index");
    Path ourIndex = work.resolve("ours-index");
    for (int r = 0; r < rounds; r++) {
      boolean theirsFirst = r % 2 == 0;
      for (int turn = 0; turn < 2; turn++) {
        if ((turn == 0) == theirsFirst) {
          theirs.add(time("anserini", anserini(collection, theirIndex), theirIndex));
        } else {
          ours.add(time("ours", ours(input, ourIndex), ourIndex));
        }
      }
      log.printf("round %d: Anserini %.1f s, ours %.1f s%n", r + 1, theirs.get(r), ours.get(r));
    }
    return List.of(new Result("Anserini 1.5.0 IndexCollection", theirs, IndexSize.bytes(theirIndex)),
        new Result("scholar index --no-vectors", ours, IndexSize.bytes(ourIndex)));
  }

  private List<String> anserini(Path collection, Path index) {
    return List.of(java.toString(), "--add-modules", "jdk.incubator.vector", "-cp", anseriniJar.toString(),
        "io.anserini.index.IndexCollection", "-collection", "JsonCollection", "-input", collection.toString(),
        "-index", index.toString(), "-generator", "DefaultLuceneDocumentGenerator", "-threads", Integer.toString(threads),
        "-storePositions", "-storeDocvectors", "-storeRaw", "-quiet");
  }

  private List<String> ours(Path input, Path index) {
    return List.of(java.toString(), "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-jar", ourJar.toString(), "index", "--replace", "--no-vectors", "--index", index.toString(), input.toString());
  }

  /** Runs {@code command} on a fresh index directory; its wall time in seconds. */
  private double time(String name, List<String> command, Path index) throws IOException, InterruptedException {
    deleteTree(index);
    Path out = work.resolve(name + ".log");
    long t = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(2, TimeUnit.HOURS)) {
      p.destroyForcibly();
      throw new IOException(name + " took over two hours; its output is in " + out);
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException(name + " exited with " + p.exitValue() + "; its output is in " + out + ":\n"
          + String.join("\n", tail(out, 10)));
    }
    return seconds;
  }

  /**
   * The corpus in Anserini's JsonCollection layout: one {@code {"id", "contents"}} object a line,
   * the contents being the title and the abstract, as our combined field has them. Read with our
   * own reader, so both indexers see the same papers. Not timed: it is Anserini's input format.
   */
  static int writeCollection(Path input, Path dir) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir);
    JsonFactory json = new JsonFactory();
    int[] n = {0};
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("papers.jsonl"), StandardCharsets.UTF_8)) {
      new JsonlPaperReader().read(input, l -> {
        try (JsonGenerator g = json.createGenerator(w)) {
          g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
          g.writeStartObject();
          g.writeStringField("id", l.externalId());
          g.writeStringField("contents", l.title() + "\n" + l.abstractText());
          g.writeEndObject();
          g.flush();
          w.newLine();
          n[0]++;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return n[0];
  }

  private static List<String> tail(Path file, int lines) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
