package dev.scholarsearch.rank;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expert ranking over a hand-made lexical index: the evidence each expert gets, and how score ties are broken. */
class ExpertRankerTest {
  private static final Map<String, String> NAMES = Map.of("r-amy", "Amy Adams", "r-bob", "Bob Brown",
      "r-cat", "Cat Cole", "r-dan", "Dan Dunn", "r-eve", "Eve Evans");

  /**
   * Eve's six "lattice" papers, in scrambled order: paper lN repeats "lattice" N times in an abstract
   * of six words, and every title has two words, so BM25 orders them by N alone. The "quorum" papers:
   * qa (quorum three times in text and title) beats qb (once); Amy, Bob, Cat and Dan wrote qa, Dan also
   * qb, and Bob has two further papers that do not mention quorum.
   */
  private static final List<Paper> PAPERS = List.of(
      lattice(3), lattice(6), lattice(1), lattice(5), lattice(2), lattice(4),
      paper("qa", "Quorum systems", "quorum quorum replication", "r-amy", "r-bob", "r-cat", "r-dan"),
      paper("qb", "Replica notes", "quorum replication voting", "r-dan"),
      paper("n1", "Consensus protocols", "leader election under partitions", "r-bob"),
      paper("n2", "Gossip protocols", "epidemic dissemination of membership", "r-bob"));

  @TempDir static Path dir;
  private static LiveIndex index;

  @BeforeAll
  static void index() throws Exception {
    List<Researcher> researchers = NAMES.keySet().stream().sorted().map(id -> new Researcher(id, NAMES.get(id),
        NAMES.get(id).toLowerCase(java.util.Locale.ROOT), List.of(),
        PAPERS.stream().filter(p -> p.authors().stream().anyMatch(a -> a.researcherId().equals(id))).map(Paper::id).toList()))
        .toList();
    Indexer.write(dir, new Corpus(PAPERS, researchers), List.of(), "test", s -> {});
    index = LiveIndex.open(dir, Duration.ofHours(1));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  /** Paper lN: a two-word title and a six-word abstract that says "lattice" N times. */
  private static Paper lattice(int n) {
    List<String> words = new java.util.ArrayList<>(List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta"));
    for (int i = 0; i < n; i++) {
      words.set(i, "lattice");
    }
    return paper("l" + n, "Note l" + n, String.join(" ", words), "r-eve");
  }

  private static Paper paper(String id, String title, String abstractText, String... authorIds) {
    List<Authorship> authors = Arrays.stream(authorIds).map(a -> new Authorship(NAMES.get(a), a)).toList();
    return new Paper(id, title, title, abstractText, abstractText, authors, 2020, null, List.of(), "", "", false,
        null, "", "", List.of("test:" + id), List.of());
  }

  private static List<Expert> rank(String topic, ExpertModel model) {
    return new ExpertRanker(index, new PaperSearcher(index).kernel(), model)
        .rank(topic, SearchFilters.NONE, ExpertRanker.Scope.ALL, 10, SearchMode.LEXICAL);
  }

  private static List<String> ids(List<Expert> experts) {
    return experts.stream().map(Expert::id).toList();
  }

  @Test
  void evidenceIsTheFiveBestMatchingPapers() {
    List<Expert> experts = rank("lattice", ExpertModel.DEFAULT);
    // Only Eve wrote about lattices; all six of her papers match.
    assertEquals(List.of("r-eve"), ids(experts));
    Expert eve = experts.get(0);
    assertEquals(6, eve.matchingPapers());
    assertEquals(6, eve.paperCount());
    // The more often a paper says "lattice", the better it matches; l1, the weakest, is left out.
    assertEquals(List.of("l6", "l5", "l4", "l3", "l2"), eve.evidence().stream().map(Expert.Evidence::id).toList());
    assertEquals(List.of("Note l6", "Note l5", "Note l4", "Note l3", "Note l2"),
        eve.evidence().stream().map(Expert.Evidence::title).toList());
  }

  @Test
  void coauthorsOfOnePaperRankByPaperCountThenId() {
    List<Expert> experts = rank("quorum", ExpertModel.DEFAULT);
    // Dan adds a tenth of qb to qa's score; Amy, Bob and Cat tie on qa's score alone: Bob has three
    // papers in all, Amy and Cat one each, and between these two the id decides.
    assertEquals(List.of("r-dan", "r-bob", "r-amy", "r-cat"), ids(experts));
    assertEquals(List.of(2, 3, 1, 1), experts.stream().map(Expert::paperCount).toList());
    assertEquals(experts.get(1).score(), experts.get(2).score());
    assertEquals(experts.get(1).score(), experts.get(3).score());
  }

  @Test
  void onATieMoreMatchingPapersComeFirst() {
    // Scored by the best paper alone, all four authors of qa tie; Dan matched with two papers, so he
    // leads, ahead of Bob, who has more papers (three to Dan's two) but only one of them matches.
    List<Expert> experts = rank("quorum", new ExpertModel(100, ExpertModel.Aggregation.COMB_MAX, 0, 0));
    assertEquals(List.of("r-dan", "r-bob", "r-amy", "r-cat"), ids(experts));
    assertEquals(List.of(2, 1, 1, 1), experts.stream().map(Expert::matchingPapers).toList());
    assertEquals(experts.get(0).score(), experts.get(1).score());
  }
}
