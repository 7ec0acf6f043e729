package dev.scholarsearch.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Papers like a pasted text, over a hand-made lexical index: the words each hit is said to share. */
class SimilarPapersTest {
  private static final List<String> QUANTUM = List.of("quantum", "entanglement", "qubit", "decoherence", "teleportation");
  private static final List<String> NUMERICS =
      List.of("sparse", "matrix", "solver", "gradient", "precondition", "iterative", "convergence");
  /**
   * Thirteen words, each used by exactly one paper of the index: every one is a MoreLikeThis term
   * (document frequency 1, within the 30% limit of 5 documents). The numerics words come 7, 6, ... 1
   * times, so with one idf for all, MoreLikeThis ranks them in that order.
   */
  private static final String TEXT = "kernel " + String.join(" ", QUANTUM) + " " + numericsSevenTimesDownToOnce();

  private static String numericsSevenTimesDownToOnce() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < NUMERICS.size(); i++) {
      sb.append((NUMERICS.get(i) + " ").repeat(NUMERICS.size() - i));
    }
    return sb.toString().strip();
  }

  @TempDir static Path dir;
  private static LiveIndex index;

  @BeforeAll
  static void index() throws Exception {
    List<Paper> papers = List.of(
        paper("h5", "Physics letter", "quantum entanglement of a qubit under decoherence and teleportation"),
        paper("h7", "Numerical linear algebra",
            "convergence of an iterative gradient solver with a precondition step for a sparse matrix"),
        paper("g", "Learning with kernel methods", "support vector classification"),
        paper("f", "Database buffer pools", "page replacement for btree indexes"));
    Researcher ada = new Researcher("r-ada", "Ada Lovelace", "ada lovelace", List.of(),
        papers.stream().map(Paper::id).toList());
    Indexer.write(dir, new Corpus(papers, List.of(ada)), List.of(), "test", s -> {});
    index = LiveIndex.open(dir, Duration.ofHours(1));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static Paper paper(String id, String title, String abstractText) {
    return new Paper(id, title, title, abstractText, abstractText, List.of(new Authorship("Ada Lovelace", "r-ada")),
        2020, null, List.of(), "", "", false, null, "", "", List.of("test:" + id), List.of());
  }

  private static List<String> shared(String id) {
    List<SimilarHit> hits = new SimilarPapers(index, new PaperSearcher(index).kernel())
        .likeText(TEXT, SearchFilters.NONE, 10, SearchMode.LEXICAL);
    return hits.stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not among " + hits.stream().map(SimilarHit::id).toList()))
        .sharedTerms();
  }

  @Test
  void aHitSharingFiveWordsListsAllFive() {
    // h5 uses the five quantum words of the text and no other (sorted: the order is not what this pins).
    assertEquals(List.of("decoherence", "entanglement", "quantum", "qubit", "teleportation"),
        shared("h5").stream().sorted().toList());
  }

  @Test
  void aHitSharingSevenWordsListsTheFiveStrongestInOrder() {
    // h7 uses the seven numerics words; the five the text uses most are listed, most used first.
    assertEquals(NUMERICS.subList(0, 5), shared("h7"));
  }

  @Test
  void aHitSharingOneWordListsIt() {
    // g has kernel in its title and none of the other words.
    assertEquals(List.of("kernel"), shared("g"));
  }
}
