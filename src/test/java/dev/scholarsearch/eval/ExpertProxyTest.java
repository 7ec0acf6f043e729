package dev.scholarsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The researchers-by-topic proxy, made from the CACM papers as from any corpus without expert judgments. */
class ExpertProxyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void holdsTheTopicsPapersOutAndJudgesOnlyAuthorsWhoCanBeFound() throws Exception {
    Path source = TestData.cacm("corpus.jsonl");
    Path out = dir.resolve("proxy");
    ExpertProxy.Made made = new ExpertProxy(100, 7).write(source, out);

    List<String> lines = Files.readAllLines(source).stream().filter(l -> !l.isBlank()).toList();
    Map<String, JsonNode> all = papers(lines);
    Map<String, JsonNode> kept = papers(Files.readAllLines(out.resolve("corpus.jsonl")));
    assertEquals(100, made.topics());
    assertEquals(all.size() - 100, kept.size());
    assertEquals(kept.size(), made.papers());

    Set<String> keptAuthors = new HashSet<>();
    kept.values().forEach(p -> p.path("authors").forEach(a -> keptAuthors.add(AuthorKey.of(name(a)))));
    Map<String, String> topics = Topics.read(out.resolve("topics.tsv"));
    Qrels qrels = Qrels.read(out.resolve("qrels.txt"));
    assertEquals(100, topics.size());
    int judged = 0;
    for (Map.Entry<String, String> t : topics.entrySet()) {
      // A topic is named for its paper's line: p1 is the first.
      JsonNode paper = JSON.readTree(lines.get(Integer.parseInt(t.getKey().substring(1)) - 1));
      assertEquals(paper.path("title").asText().replaceAll("\\s+", " ").strip(), t.getValue());
      assertFalse(kept.containsKey(paper.path("id").asText()), "a topic's own paper stays out of the corpus");
      Set<String> relevant = qrels.of(t.getKey()).keySet();
      assertFalse(relevant.isEmpty(), t.getKey());
      Set<String> itsAuthors = new HashSet<>();
      paper.path("authors").forEach(a -> itsAuthors.add(AuthorKey.of(name(a))));
      for (String a : relevant) {
        assertTrue(itsAuthors.contains(a), a + " is an author of " + t.getKey());
        assertTrue(keptAuthors.contains(a), a + " keeps a paper in the corpus, so can be found");
      }
      judged += relevant.size();
    }
    assertEquals(made.judgments(), judged);
  }

  @Test
  void theSameSeedDrawsTheSamePapersAndAnotherSeedOthers() throws Exception {
    Path source = TestData.cacm("corpus.jsonl");
    new ExpertProxy(50, 1).write(source, dir.resolve("a"));
    new ExpertProxy(50, 1).write(source, dir.resolve("b"));
    new ExpertProxy(50, 2).write(source, dir.resolve("c"));
    String a = Files.readString(dir.resolve("a/topics.tsv"));
    assertEquals(a, Files.readString(dir.resolve("b/topics.tsv")));
    assertEquals(Files.readString(dir.resolve("a/qrels.txt")), Files.readString(dir.resolve("b/qrels.txt")));
    assertNotEquals(a, Files.readString(dir.resolve("c/topics.tsv")));
  }

  @Test
  void theCommandWritesACollectionThatEvalReadsAndRefusesToWriteOverFiles() throws Exception {
    Path out = dir.resolve("cli");
    CliRunner.Run made = CliRunner.run("eval-proxy", "--input", TestData.cacm("corpus.jsonl").toString(), "--out",
        out.toString(), "--topics", "200");
    assertEquals(0, made.code(), made.err());
    assertTrue(made.out().contains("200 topics"), made.out());
    CliRunner.Run again = CliRunner.run("eval-proxy", "--input", TestData.cacm("corpus.jsonl").toString(), "--out",
        out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("is not empty"), again.err());

    CliRunner.Run eval = CliRunner.run("eval", "--task", "researchers", "--collection", out.toString(), "--index",
        dir.resolve("index").toString(), "--mode", "lexical", "--baseline", "--metrics", "ndcg@10,map");
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("200 topics, 200 with judgments"), eval.out());
    // Measured: BM25-CombSUM 0.2591 / 0.2324, ours 0.2941 / 0.2695 (docs/EVALUATION.md).
    for (String metric : List.of("ndcg@10", "map")) {
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\s+([0-9.]+)\\s+([0-9.]+)").matcher(eval.out());
      assertTrue(m.find(), eval.out());
      double baseline = Double.parseDouble(m.group(1));
      double ours = Double.parseDouble(m.group(2));
      assertTrue(ours >= 1.10 * baseline, metric + ": ours " + ours + " against the baseline's " + baseline);
    }
  }

  private static String name(JsonNode author) {
    return author.isTextual() ? author.asText() : author.path("name").asText();
  }

  private static Map<String, JsonNode> papers(List<String> lines) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (String l : lines) {
      if (!l.isBlank()) {
        JsonNode n = JSON.readTree(l);
        out.put(n.path("id").asText(), n);
      }
    }
    return out;
  }
}
