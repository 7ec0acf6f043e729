package dev.scholarsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test collection in one directory, the BEIR layout or the one under {@code src/test/resources}:
 * the papers ({@code corpus.jsonl}), the topics ({@code topics.tsv}, else BEIR's
 * {@code queries.jsonl}) and the judgments ({@code qrels.txt}, else BEIR's {@code qrels/test.tsv},
 * else the one file in {@code qrels/}).
 */
record EvalCollection(Path dir, Path corpus, Path topics, Path qrels) {

  /** The collection in {@code dir}; an error names the file it looked for and did not find. */
  static EvalCollection in(Path dir) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(d)) {
      throw new IOException("--collection " + dir + ": no such directory");
    }
    Path corpus = first(d, "papers", List.of(d.resolve("corpus.jsonl"), d.resolve("corpus.jsonl.gz")));
    Path topics = first(d, "topics", List.of(d.resolve("topics.tsv"), d.resolve("queries.jsonl")));
    Path qrels = first(d, "judgments", Stream.concat(Stream.of(d.resolve("qrels.txt"), d.resolve("qrels/test.tsv")),
        onlyFileIn(d.resolve("qrels")).stream()).toList());
    return new EvalCollection(d, corpus, topics, qrels);
  }

  private static Path first(Path dir, String what, List<Path> candidates) throws IOException {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException("--collection " + dir + " has no " + what + ": looked for "
        + String.join(", ", candidates.stream().map(p -> dir.relativize(p).toString()).toList()));
  }

  private static List<Path> onlyFileIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).toList();
      return files.size() == 1 ? files : List.of();
    }
  }
}
