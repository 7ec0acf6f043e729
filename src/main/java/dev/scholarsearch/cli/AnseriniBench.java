package dev.scholarsearch.cli;

import dev.scholarsearch.bench.AnseriniComparison;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code bench --against anserini}: finds both jars (fetching Anserini's through Maven), runs the turns, prints the table. */
final class AnseriniBench {
  private final PrintStream out;
  private final PrintStream err;

  AnseriniBench(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Path corpus, Path work, int threads, int rounds) throws IOException, InterruptedException {
    if (rounds < 1) {
      err.println("error: --rounds must be at least 1, got " + rounds);
      return 2;
    }
    if (!Files.isRegularFile(corpus)) {
      err.println("error: no corpus file at " + corpus);
      return 2;
    }
    Path ourJar = ourJar();
    if (ourJar == null) {
      err.println("error: --against anserini runs our indexer from its jar: build it (./mvnw package) and run"
          + " ./scholar bench from it");
      return 2;
    }
    Path anserini = anseriniJar();
    if (anserini == null) {
      return 1;
    }
    Path java = ProcessHandle.current().info().command().map(Path::of)
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    out.printf("# bench --against anserini: %s, %d threads for Anserini, %d cores, Java %s, best of %d%n%n",
        corpus.getFileName(), threads, Runtime.getRuntime().availableProcessors(), Runtime.version(), rounds);
    List<AnseriniComparison.Result> results = new AnseriniComparison(java, anserini, ourJar, work, threads, err)
        .run(corpus, rounds);
    AnseriniComparison.Result theirs = results.get(0);
    AnseriniComparison.Result ours = results.get(1);
    out.println("| indexer | best s | rounds s | index MB |");
    out.println("|---|---|---|---|");
    for (AnseriniComparison.Result r : results) {
      out.printf("| %s | %.1f | %s | %.0f |%n", r.indexer(), r.best(),
          String.join(", ", r.seconds().stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()),
          r.bytes() / 1e6);
    }
    out.printf("%nthroughput, ours against Anserini: %.2fx; index size: %.2fx%n", theirs.best() / ours.best(),
        (double) ours.bytes() / theirs.bytes());
    out.println("(wall time of each JVM, start-up included; Anserini reads the papers as plain JSONL of id and"
        + " contents, ours reads the input file itself)");
    return 0;
  }

  /** The jar this runs from, or null when run from classes (an IDE, the tests). */
  private static Path ourJar() {
    try {
      Path p = Path.of(AnseriniBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }

  /** Anserini's fatjar in the local Maven repository, fetched there by the project's Maven wrapper when missing. */
  private Path anseriniJar() throws IOException, InterruptedException {
    Path jar = AnseriniComparison.localJar(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Path mvnw = Home.dir().resolve("mvnw");
    err.println("fetching " + AnseriniComparison.ARTIFACT + " (about 160 MB) through Maven ...");
    int rc = new ProcessBuilder(mvnw.toString(), "-q", "dependency:get", "-Dartifact=" + AnseriniComparison.ARTIFACT,
        "-Dtransitive=false").directory(Home.dir().toFile()).inheritIO().start().waitFor();
    if (rc != 0 || !Files.isRegularFile(jar)) {
      err.println("error: could not fetch " + AnseriniComparison.ARTIFACT + " with " + mvnw + " (exit " + rc
          + "); fetch it by hand with: ./mvnw dependency:get -Dartifact=" + AnseriniComparison.ARTIFACT
          + " -Dtransitive=false");
      return null;
    }
    return jar;
  }
}
