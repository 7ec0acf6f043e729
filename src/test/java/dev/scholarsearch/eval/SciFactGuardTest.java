package dev.scholarsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.cli.CliRunner;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relevance guard on modern abstracts: 200 SciFact train claims over 1,000 abstracts
 * (src/test/resources/scifact). The full split's figures are a documented command
 * (docs/EVALUATION.md); this catches a change that loses to plain BM25 on long real text.
 */
class SciFactGuardTest {
  private static final Path COLLECTION = Path.of("src/test/resources/scifact").toAbsolutePath();

  @TempDir
  static Path dir;

  private static double[] row(String out, String metric) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\s+([0-9.]+)\\s+([0-9.]+)").matcher(out);
    assertTrue(m.find(), out);
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
  }

  private static String eval(String mode) {
    CliRunner.Run r = CliRunner.run("eval", "--task", "search", "--collection", COLLECTION.toString(), "--index",
        dir.resolve("scifact").toString(), "--mode", mode, "--metrics", "ndcg@10,map", "--baseline");
    assertEquals(0, r.code(), r.err());
    return r.out();
  }

  @Test
  void lexicalAtLeastMatchesBm25AndHybridBeatsIt() {
    // Hybrid first: it builds the index with vectors, which the lexical run then reuses.
    String hybrid = eval("hybrid");
    String lexical = eval("lexical");
    double[] ndcg = row(lexical, "ndcg@10");
    double[] map = row(lexical, "map");
    assertEquals(0.8118, ndcg[0], 0.00005, "the subset's README: plain BM25 nDCG@10");
    assertEquals(0.7839, map[0], 0.00005, "plain BM25 MAP");
    assertTrue(ndcg[1] >= ndcg[0] && map[1] >= map[0], lexical);
    assertTrue(row(hybrid, "ndcg@10")[1] > ndcg[0] * 1.02, hybrid);
    assertTrue(row(hybrid, "map")[1] > map[0] * 1.02, hybrid);
  }
}
