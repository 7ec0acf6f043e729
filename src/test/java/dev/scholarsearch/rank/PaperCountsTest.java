package dev.scholarsearch.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered paper counts are each commit's own: asked twice, and after a rebuild, they are what a count query says. */
class PaperCountsTest {
  private static String papers(int adas) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < adas; i++) {
      b.append("{\"id\":\"a-").append(i).append("\",\"title\":\"Analytical engines part ").append(i)
          .append("\",\"authors\":[\"Ada Lovelace\"").append(i == 0 ? ",\"Charles Babbage\"" : "").append("]}\n");
    }
    return b.append("{\"id\":\"t-1\",\"title\":\"Computable numbers\",\"authors\":[\"Alan Turing\"]}\n").toString();
  }

  /** Every researcher id's count, from PaperCounts and from a count query, on the commit searched now. */
  private static Map<String, int[]> counts(LiveIndex index) {
    return index.search(s -> {
      Map<String, int[]> out = new TreeMap<>();
      Terms terms = MultiTerms.getTerms(s.getIndexReader(), Fields.AUTHOR_ID);
      TermsEnum e = terms.iterator();
      List<String> ids = new ArrayList<>();
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        ids.add(t.utf8ToString());
      }
      for (int round = 0; round < 2; round++) { // the second round is answered from memory
        for (String id : ids) {
          out.put(id, new int[] {PaperCounts.of(s, id), s.count(new TermQuery(new Term(Fields.AUTHOR_ID, id)))});
        }
      }
      return out;
    });
  }

  @Test
  void countsAreThoseOfTheCommitSearched(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("p.jsonl");
    Path idx = dir.resolve("idx");
    Files.writeString(in, papers(2));
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", idx.toString(), in.toString()).code());
    try (LiveIndex index = LiveIndex.open(idx, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofMillis(50)))) {
      Map<String, int[]> before = counts(index);
      assertEquals(3, before.size(), "Ada, Babbage and Turing: " + before.keySet());
      before.forEach((id, c) -> assertEquals(c[1], c[0], id));
      assertTrue(before.values().stream().anyMatch(c -> c[0] == 2), "Ada's two papers");

      Files.writeString(in, papers(5));
      assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", idx.toString(), in.toString()).code());
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (index.manifest().papers() != 6 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      Map<String, int[]> after = counts(index);
      after.forEach((id, c) -> assertEquals(c[1], c[0], id));
      assertTrue(after.values().stream().anyMatch(c -> c[0] == 5), "Ada's five papers, not the two remembered: "
          + after.values().stream().map(c -> c[0]).toList());
    }
  }
}
