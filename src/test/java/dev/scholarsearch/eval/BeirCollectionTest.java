package dev.scholarsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval command reads a collection in BEIR's layout: CACM rewritten as BEIR files gives the
 * same figures as CACM in our own files, and the index is built on the first run only.
 */
class BeirCollectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void cacmAsBeirFilesScoresAsCacm(@TempDir Path tmp) throws IOException {
    Path beir = writeBeir(tmp.resolve("cacm-beir"));
    String index = tmp.resolve("idx").toString();
    CliRunner.Run first = CliRunner.run("eval", "--task", "search", "--collection", beir.toString(), "--index", index,
        "--mode", "lexical", "--metrics", "ndcg@10,map", "--baseline");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("indexing " + beir.resolve("corpus.jsonl")), first.err());
    // The README's plain BM25 figures: the same papers, topics and judgments, read from BEIR's shapes.
    assertTrue(first.out().matches("(?s).*ndcg@10\\s+0\\.4754 .*"), first.out());
    assertTrue(first.out().matches("(?s).*map\\s+0\\.3270 .*"), first.out());
    CliRunner.Run ours = CliRunner.run("eval", "--task", "search", "--index", index, "--mode", "lexical",
        "--metrics", "ndcg@10,map", "--topics", TestData.cacm("topics.tsv").toString(),
        "--qrels", TestData.cacm("qrels.txt").toString());
    CliRunner.Run again = CliRunner.run("eval", "--task", "search", "--collection", beir.toString(), "--index", index,
        "--mode", "lexical", "--metrics", "ndcg@10,map");
    assertEquals(0, again.code(), again.err());
    assertTrue(!again.err().contains("indexing"), "built once: " + again.err());
    assertEquals(figures(ours.out()), figures(again.out()));
  }

  @Test
  void anIndexOfSomethingElseIsRefusedAndKept(@TempDir Path tmp) throws IOException {
    Path beir = writeBeir(tmp.resolve("cacm-beir"));
    String index = tmp.resolve("seeds-idx").toString();
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index, TestData.seeds().toString()).code());
    CliRunner.Run r = CliRunner.run("eval", "--task", "search", "--collection", beir.toString(), "--index", index,
        "--mode", "lexical");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("give --index DIR"), r.err());
    assertTrue(CliRunner.run("stats", "--index", index).out().contains("researchers"), "the seeds index is untouched");
  }

  private static String figures(String out) {
    return out.lines().filter(l -> l.startsWith("ndcg@10") || l.startsWith("map")).toList().toString();
  }

  /** CACM in BEIR's files: corpus.jsonl with _id/title/text, queries.jsonl, qrels/test.tsv with its header. */
  private static Path writeBeir(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("qrels"));
    List<String> corpus = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.cacm("corpus.jsonl"))) {
      Map<?, ?> p = JSON.readValue(line, Map.class);
      ObjectNode o = JSON.createObjectNode().put("_id", (String) p.get("id")).put("title", (String) p.get("title"))
          .put("text", (String) p.get("abstract"));
      corpus.add(JSON.writeValueAsString(o));
    }
    Files.write(dir.resolve("corpus.jsonl"), corpus);
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.cacm("topics.tsv"))) {
      String[] f = line.split("\t", 2);
      queries.add(JSON.writeValueAsString(JSON.createObjectNode().put("_id", f[0]).put("text", f[1])));
    }
    Files.write(dir.resolve("queries.jsonl"), queries);
    List<String> qrels = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    for (String line : Files.readAllLines(TestData.cacm("qrels.txt"))) {
      String[] f = line.strip().split("\\s+");
      qrels.add(f[0] + "\t" + f[2] + "\t" + f[3]);
    }
    Files.write(dir.resolve("qrels/test.tsv"), qrels);
    return dir;
  }
}
