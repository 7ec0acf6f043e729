package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid retrieval on four papers whose vectors come from {@link ConceptEmbedder}, so every cosine
 * and fused score below is worked out by hand:
 * <ul>
 *   <li>alg, "Sparse matrix solvers. iterative methods for sparse matrix systems": 5 algebra words,
 *       4 others, cosine 5/sqrt(41) = 0.7809 to a pure algebra query;
 *   <li>lin, "Linear algebra on GPUs. dense linear algebra kernels": 4 and 4, cosine 4/sqrt(32) = 0.7071;
 *   <li>graph and net: no algebra word, cosine 0.
 * </ul>
 * The index keeps vectors quantized to a byte per dimension, so a cosine the kNN search reports is
 * within {@link #QUANTIZED} of the exact one.
 *
 * <p>"matrices" stems to "matric", which no paper contains ("matrix" stems to "matrix"): the query
 * finds papers by meaning only.
 */
class HybridRetrievalTest {
  private static final double ALG = 5 / Math.sqrt(41);
  private static final double LIN = 4 / Math.sqrt(32);
  private static final double QUANTIZED = 1e-3;
  private static final HybridTuning NO_FEEDBACK = HybridTuning.DEFAULT.withFeedbackDocs(0);

  @TempDir
  static Path dir;
  private static LiveIndex index;

  @BeforeAll
  static void build() throws Exception {
    List<Paper> papers = List.of(
        paper("alg", "Sparse matrix solvers", "iterative methods for sparse matrix systems"),
        paper("lin", "Linear algebra on GPUs", "dense linear algebra kernels"),
        paper("graph", "Graph colouring", "greedy colouring of planar graphs"),
        paper("net", "Network protocols", "routing protocols for wireless networks"));
    ConceptEmbedder embedder = new ConceptEmbedder();
    Indexer.write(dir, new Corpus(papers, List.of(new Researcher("r-ada", "Ada Lovelace", "ada lovelace", List.of(),
        papers.stream().map(Paper::id).toList()))), List.of(), "test",
        PaperVectors.using(() -> embedder, VectorCache.none(ConceptEmbedder.MODEL, 4), s -> {}), s -> {});
    index = LiveIndex.open(dir, Duration.ofHours(1));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static PaperSearcher searcher(HybridTuning hybrid) {
    return new PaperSearcher(index, SearchTuning.DEFAULT, hybrid, FacetDrillSideways.Sampling.standard(),
        EmbedderHandle.of(new ConceptEmbedder()));
  }

  private static SearchResult search(HybridTuning hybrid, String q) {
    return searcher(hybrid).search(new SearchRequest(q, SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false, false,
        10, SearchMode.HYBRID));
  }

  @Test
  void papersCloseInMeaningAreFoundWithoutASharedWordScoredByTheirShareOfTheSemanticPart() {
    SearchResult r = search(NO_FEEDBACK, "matrices");
    assertEquals(List.of("alg", "lin"), r.hits().stream().map(PaperHit::id).toList(),
        "graph and net are at cosine 0, below minSimilarity");
    assertEquals(2, r.total());
    // No keyword matches: the semantic side has all the score, 0.4 at the nearest, normalised
    // between the nearest (0.7809) and the floor, the farthest of the nearest papers (cosine 0).
    assertEquals(0.4, r.hits().get(0).score(), 1e-6);
    assertEquals(0.4 * LIN / ALG, r.hits().get(1).score(), QUANTIZED);
    assertEquals(ALG, r.hits().get(0).similarity(), QUANTIZED);
    assertEquals(LIN, r.hits().get(1).similarity(), QUANTIZED);
    assertEquals(List.of("semantic", "semantic"), r.hits().stream().map(PaperHit::matchedBy).toList());
  }

  @Test
  void aStrictQueryKeepsOnlyPapersWithItsWords() {
    assertEquals(0, search(NO_FEEDBACK, "\"matrices\"").total(), "a quoted word asks for that word");
  }

  @Test
  void aProhibitedWordKeepsItsPapersOutOfTheSemanticSideToo() {
    SearchResult r = search(NO_FEEDBACK, "matrices -sparse");
    assertEquals(List.of("lin"), r.hits().stream().map(PaperHit::id).toList());
    // lin is now the nearest paper the filter lets through: all of the semantic part.
    assertEquals(0.4, r.hits().get(0).score(), 1e-6);
  }

  @Test
  void aKeywordMatchCloseInMeaningIsMatchedByBoth() {
    SearchResult r = search(NO_FEEDBACK, "sparse algebra");
    // alg has "sparse" twice, lin "algebra" twice: both lexical and both close. The best BM25
    // gets the whole lexical part, 0.6; the nearest by meaning the whole semantic part, 0.4.
    assertEquals(List.of("alg", "lin"), r.hits().stream().map(PaperHit::id).toList());
    assertEquals(List.of("both", "both"), r.hits().stream().map(PaperHit::matchedBy).toList());
    assertEquals(ALG, r.hits().get(0).similarity(), QUANTIZED);
  }

  @Test
  void vectorFeedbackReordersNothingHereAndLeavesTheSimilarityToTheQueryAlone() {
    SearchResult plain = search(NO_FEEDBACK, "matrices");
    SearchResult fed = search(HybridTuning.DEFAULT, "matrices");
    assertEquals(plain.hits().stream().map(PaperHit::id).toList(), fed.hits().stream().map(PaperHit::id).toList());
    assertEquals(ALG, fed.hits().get(0).similarity(), QUANTIZED, "reported against the query itself, not the moved vector");
    assertEquals(LIN, fed.hits().get(1).similarity(), QUANTIZED);
  }

  @Test
  void semanticModeScoresByCosineAndRanksEveryNearPaper() {
    SearchResult r = searcher(NO_FEEDBACK).search(new SearchRequest("matrices", SearchFilters.NONE, SortOrder.RELEVANCE,
        0, 10, false, false, 10, SearchMode.SEMANTIC));
    assertEquals(List.of("alg", "lin"), r.hits().subList(0, 2).stream().map(PaperHit::id).toList());
    assertEquals(ALG, r.hits().get(0).score(), QUANTIZED);
    assertEquals(LIN, r.hits().get(1).score(), QUANTIZED);
    assertEquals("semantic", r.mode());
  }

  private static Paper paper(String id, String title, String abstractText) {
    return new Paper(id, title, title, abstractText, abstractText, List.of(new Authorship("Ada Lovelace", "r-ada")),
        2020, null, List.of(), "", "", false, null, "", "", List.of("test:" + id), List.of());
  }
}
