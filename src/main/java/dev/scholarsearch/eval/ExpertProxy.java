package dev.scholarsearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A test collection for researchers by topic, made from a corpus that has no expert judgments:
 * sampled papers are held out of the corpus, each one's title is a topic, and its authors are the
 * researchers to find. The paper itself is not in the collection's corpus, so it cannot hand its
 * authors their rank; what finds them is the rest of their work, as for a real expert.
 *
 * <p>Only papers with at least one author who keeps a paper in the corpus are drawn, and the
 * judged authors are those who do: an author known by the held-out paper alone cannot be found by
 * any system, and would only lower every score alike. Authors are judged by {@link AuthorKey}, as
 * in every researchers run of {@code eval}.
 */
public final class ExpertProxy {
  /** What was written: how many topics, how many judged authors, and how many papers stayed. */
  public record Made(int topics, int judgments, int papers) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_TITLE_WORDS = 3;

  private final int topics;
  private final long seed;

  public ExpertProxy(int topics, long seed) {
    if (topics < 1) {
      throw new IllegalArgumentException("the number of topics must be at least 1, got " + topics);
    }
    this.topics = topics;
    this.seed = seed;
  }

  /** One paper of the input as the proxy sees it. */
  private record Listing(String id, String title, List<String> authors) {}

  /**
   * Reads {@code input} (JSONL papers, {@code .gz} or not) twice: once to draw the topics, once to
   * write {@code corpus.jsonl} (every other line, unchanged), {@code topics.tsv} and
   * {@code qrels.txt} into {@code out}, the layout {@code eval --collection} reads.
   */
  public Made write(Path input, Path out) throws IOException {
    List<Listing> listings = new ArrayList<>();
    forEachLine(input, line -> listings.add(listing(line)));
    Map<String, Integer> papersBy = new HashMap<>();
    for (Listing l : listings) {
      l.authors().forEach(a -> papersBy.merge(a, 1, Integer::sum));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < listings.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    Map<Integer, List<String>> drawn = new HashMap<>();
    for (int i : order) {
      if (drawn.size() == topics) {
        break;
      }
      Listing l = listings.get(i);
      if (l.id() == null || l.title().split("\\s+").length < MIN_TITLE_WORDS) {
        continue;
      }
      // Judged: the authors who still have a paper once this one (and those drawn before) are out.
      List<String> findable = l.authors().stream().filter(a -> papersBy.get(a) > 1).toList();
      if (findable.isEmpty()) {
        continue;
      }
      l.authors().forEach(a -> papersBy.merge(a, -1, Integer::sum));
      drawn.put(i, findable);
    }
    // A later draw may have taken an earlier topic's author's last other paper: judge only the findable.
    Files.createDirectories(out);
    int judgments = 0;
    int written = 0;
    List<Integer> held = drawn.keySet().stream().sorted().toList();
    try (BufferedWriter topicsOut = Files.newBufferedWriter(out.resolve("topics.tsv"));
        BufferedWriter qrels = Files.newBufferedWriter(out.resolve("qrels.txt"))) {
      for (int i : held) {
        Listing l = listings.get(i);
        List<String> judged = drawn.get(i).stream().filter(a -> papersBy.get(a) > 0).toList();
        if (judged.isEmpty()) {
          continue;
        }
        written++;
        String qid = "p" + (i + 1);
        topicsOut.write(qid + "\t" + l.title().replaceAll("\\s+", " ").strip() + "\n");
        for (String a : judged) {
          qrels.write(qid + " 0 " + a + " 1\n");
          judgments++;
        }
      }
    }
    Set<Integer> heldOut = new HashSet<>(held);
    int[] line = {0};
    int[] kept = {0};
    try (BufferedWriter corpus = Files.newBufferedWriter(out.resolve("corpus.jsonl"))) {
      forEachLine(input, s -> {
        if (!heldOut.contains(line[0]++)) {
          try {
            corpus.write(s);
            corpus.write('\n');
            kept[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
    Files.writeString(out.resolve("README.txt"), "A researchers-by-topic proxy made by 'scholar eval-proxy' from "
        + input.getFileName() + " (seed " + seed + "): " + written + " papers held out of corpus.jsonl, each one's "
        + "title a topic (topics.tsv) and its authors who have another paper in the corpus the relevant "
        + "researchers (qrels.txt, author keys).\n");
    return new Made(written, judgments, kept[0]);
  }

  /** The id, title and author keys of one JSONL line; a line that is no paper is kept, never drawn. */
  private static Listing listing(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      Set<String> authors = new LinkedHashSet<>();
      for (JsonNode a : n.path("authors")) {
        String name = a.isTextual() ? a.asText() : a.path("name").asText("");
        String key = AuthorKey.of(name);
        if (!key.isEmpty()) {
          authors.add(key);
        }
      }
      String id = n.path("id").isMissingNode() || n.path("id").isNull() ? null : n.path("id").asText();
      return new Listing(id, n.path("title").asText(""), List.copyOf(authors));
    } catch (IOException e) {
      return new Listing(null, "", List.of());
    }
  }

  private static void forEachLine(Path input, Consumer<String> sink) throws IOException {
    try (InputStream raw = Files.newInputStream(input);
        InputStream in = input.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        if (!s.isBlank()) {
          sink.accept(s);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
