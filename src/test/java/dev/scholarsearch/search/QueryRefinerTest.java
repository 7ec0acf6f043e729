package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proximity bonus QueryRefiner adds to a query: its exact clauses, and what it does to a ranking. */
class QueryRefinerTest {
  private static UserQuery parse(String text) {
    return UserQuery.parse(new UserQueryParser(Analyzers.perField(), SearchTuning.DEFAULT.weights()), text, false);
  }

  private static Query refine(UserQuery q) throws Exception {
    // The default tuning has feedback off, so the searcher (over nothing) is never asked for documents.
    return new QueryRefiner(SearchTuning.DEFAULT).refine(new IndexSearcher(new MultiReader()), q, q.query());
  }

  private static Query pair(String field, String first, String second) {
    return new BoostQuery(new PhraseQuery(SearchTuning.DEFAULT.proximitySlop(), field, first, second),
        SearchTuning.DEFAULT.proximityWeight());
  }

  @Test
  void eachPairOfNeighbouringWordsIsAnOptionalSloppyPhraseInTheCombinedField() throws Exception {
    UserQuery q = parse("sparse matrices solvers");
    Query original = q.query();
    Query refined = refine(q);
    // Stemmed words, neighbours paired (not the first with the third), each pair once, boosted 0.3, slop 8.
    Query expected = new BooleanQuery.Builder()
        .add(original, BooleanClause.Occur.MUST)
        .add(pair(Fields.TEXT, "spars", "matric"), BooleanClause.Occur.SHOULD)
        .add(pair(Fields.TEXT, "matric", "solver"), BooleanClause.Occur.SHOULD)
        .build();
    assertEquals(expected, refined);
  }

  @Test
  void aProhibitedWordIsNoPartOfAnyPair() throws Exception {
    // "-direct" is asked against: pairing it with its neighbours would reward papers for a word they
    // cannot contain. The asked words on either side of it become neighbours.
    UserQuery q = parse("sparse -direct matrices solvers");
    assertEquals(List.of("spars", "matric", "solver"), q.words());
    Query expected = new BooleanQuery.Builder()
        .add(q.query(), BooleanClause.Occur.MUST)
        .add(pair(Fields.TEXT, "spars", "matric"), BooleanClause.Occur.SHOULD)
        .add(pair(Fields.TEXT, "matric", "solver"), BooleanClause.Occur.SHOULD)
        .build();
    assertEquals(expected, refine(q));
  }

  @Test
  void aQuotedPhraseIsNotPairedAgainAndADashBetweenWordsIsNoNegation() throws Exception {
    UserQuery q = parse("\"sparse matrices\" - solvers");
    assertEquals(List.of("spars", "matric", "solver"), q.words());
    assertEquals(List.of("solver"), q.looseWords());
    assertEquals(q.query(), refine(q), "one loose word makes no pair");
  }

  @Test
  void wordsSideBySideRankAboveTheSameWordsFarApart(@TempDir Path dir) throws Exception {
    // Same title length, same abstract length, each word once: BM25 alone scores the two papers the
    // same, and a tie goes to the first indexed ("far"). In "far" the words are ten positions apart,
    // beyond the slop of 8, so only "near" earns the proximity bonus.
    String fillers = "alpha beta gamma delta epsilon zeta eta theta iota";
    List<Paper> papers = List.of(
        paper("far", "Report one", "sparse " + fillers + " matrix"),
        paper("near", "Report two", "sparse matrix " + fillers),
        paper("other", "Graph colouring", "greedy colouring of planar graphs"));
    Indexer.write(dir, new Corpus(papers, List.of(new Researcher("r-ada", "Ada Lovelace", "ada lovelace", List.of(),
        papers.stream().map(Paper::id).toList()))), List.of(), "test", s -> {});
    try (LiveIndex index = LiveIndex.open(dir, Duration.ofHours(1))) {
      List<PaperSearcher.ScoredPaper> ranked =
          new PaperSearcher(index).rank("sparse matrix", SearchFilters.NONE, 10, SearchMode.LEXICAL);
      assertEquals(List.of("near", "far"), ranked.stream().map(PaperSearcher.ScoredPaper::id).toList());
      // The control: with the bonus off the two tie, and document order puts "far" first.
      SearchTuning d = SearchTuning.DEFAULT;
      List<PaperSearcher.ScoredPaper> plain = new PaperSearcher(index, new SearchTuning(d.titleWeight(),
          0f, d.proximitySlop(), d.feedbackDocs(), d.feedbackTerms(), d.originalWeight(), d.lengthReference()))
          .rank("sparse matrix", SearchFilters.NONE, 10, SearchMode.LEXICAL);
      assertEquals(List.of("far", "near"), plain.stream().map(PaperSearcher.ScoredPaper::id).toList());
      assertEquals(plain.get(0).score(), plain.get(1).score());
    }
  }

  private static Paper paper(String id, String title, String abstractText) {
    return new Paper(id, title, title, abstractText, abstractText, List.of(new Authorship("Ada Lovelace", "r-ada")),
        2020, null, List.of(), "", "", false, null, "", "", List.of("test:" + id), List.of());
  }
}
