package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.bench.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} over a corpus large enough for the server's facet counts to be sampled (over
 * 20,000 papers, over 10,000 authors): its top authors carry their exact paper counts.
 */
class StatsTest {
  @Test
  void topAuthorsAreCountedExactly(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("papers.jsonl");
    new SyntheticCorpus(5, 33_000).write(jsonl, 33_000);
    Map<String, Integer> papersBy = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(jsonl)) {
      for (JsonNode a : json.readTree(line).get("authors")) {
        papersBy.merge(a.isTextual() ? a.asText() : a.get("name").asText(), 1, Integer::sum);
      }
    }
    assertTrue(papersBy.size() > 10_000, "enough authors for sampling: " + papersBy.size());
    Path index = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(), jsonl.toString()).code());

    CliRunner.Run stats = CliRunner.run("stats", "--index", index.toString());
    assertEquals(0, stats.code(), stats.err());
    String top = stats.out().lines().filter(l -> l.startsWith("top author:")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("([^,(]+?) \\((\\d+)\\)").matcher(top.substring("top author:".length()));
    int seen = 0;
    while (m.find()) {
      assertEquals(papersBy.get(m.group(1).strip()), Integer.valueOf(m.group(2)), top);
      seen++;
    }
    assertEquals(5, seen, top);
  }
}
