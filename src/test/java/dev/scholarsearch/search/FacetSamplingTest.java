package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.bench.SyntheticCorpus;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts over a large result set: each dimension counted from its own field, and the author
 * dimension estimated from a sample above a size. The thresholds are lowered so that a generated
 * corpus of 3,000 papers (about 1,000 authors) crosses them.
 */
class FacetSamplingTest {
  private static final FacetDrillSideways.Sampling EXACT = new FacetDrillSideways.Sampling(Integer.MAX_VALUE, 0);
  private static final FacetDrillSideways.Sampling LOW = new FacetDrillSideways.Sampling(600, 500);

  @TempDir static Path dir;
  private static SyntheticCorpus corpus;

  @BeforeAll
  static void index() throws Exception {
    corpus = new SyntheticCorpus(42, 3_000);
    Path jsonl = dir.resolve("papers.jsonl");
    corpus.write(jsonl, 3_000);
    var ingested = new Ingester(new ReferenceDate(dev.scholarsearch.TestData.REFERENCE), s -> {}).ingest(List.of(jsonl)).corpus();
    Indexer.write(dir.resolve("idx"), ingested, List.of(), "t", s -> {});
  }

  private static SearchResult search(LiveIndex index, FacetDrillSideways.Sampling sampling, SearchRequest req) {
    return new PaperSearcher(index, SearchTuning.DEFAULT, HybridTuning.DEFAULT, sampling).search(req);
  }

  private static SearchRequest request(String q, SearchFilters filters) {
    return new SearchRequest(q, filters, SortOrder.RELEVANCE, 0, 10, false, false, SearchRequest.MAX_FACET_LIMIT,
        SearchMode.LEXICAL);
  }

  private static Map<String, Integer> counts(SearchResult r, String dim) {
    return r.facets().get(dim).stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void authorCountsOverALargeResultSetAreEstimatedCloselyAndSaySo() throws Exception {
    try (LiveIndex index = LiveIndex.open(dir.resolve("idx"), Duration.ofHours(1))) {
      // The most frequent words: every paper matches.
      SearchRequest req = request(corpus.word(0) + " " + corpus.word(1), SearchFilters.NONE);
      SearchResult exact = search(index, EXACT, req);
      SearchResult sampled = search(index, LOW, req);
      assertTrue(exact.total() > 2 * LOW.exactUpTo(), "total " + exact.total());
      assertEquals(exact.total(), sampled.total());
      assertEquals(List.of(), exact.estimatedFacets());
      assertEquals(List.of("author"), sampled.estimatedFacets());
      // The small dimensions stay exact.
      for (String dim : List.of("category", "year", "type")) {
        assertEquals(exact.facets().get(dim), sampled.facets().get(dim), dim);
      }
      // The busiest author is still the busiest, and each estimate is near its true count: the
      // sample is a third of the matches, so the error of a count near 100 is about 15%.
      FacetValue top = exact.facets().get("author").get(0);
      assertEquals(top.value(), sampled.facets().get("author").get(0).value());
      Map<String, Integer> truth = counts(exact, "author");
      for (FacetValue v : sampled.facets().get("author").subList(0, 5)) {
        assertTrue(truth.containsKey(v.value()), v + " is not among the 100 busiest authors");
        int real = truth.get(v.value());
        assertTrue(Math.abs(v.count() - real) <= 0.4 * real, v + " against " + real);
      }
      // Systematic, not random: the same search gets the same counts.
      assertEquals(sampled.facets(), search(index, LOW, req).facets());
    }
  }

  @Test
  void aFilteredDimensionKeepsItsSidewaysCountsAndTheOthersCountTheFilteredMatches() throws Exception {
    try (LiveIndex index = LiveIndex.open(dir.resolve("idx"), Duration.ofHours(1))) {
      String q = corpus.word(0);
      SearchResult all = search(index, EXACT, request(q, SearchFilters.NONE));
      String category = all.facets().get("category").get(0).value();
      SearchFilters filter = new SearchFilters(List.of(), List.of(category), List.of(), List.of(), YearRange.ANY, false);
      SearchResult filtered = search(index, EXACT, request(q, filter));
      // The category facet ignores its own filter: the same counts as unfiltered.
      assertEquals(all.facets().get("category"), filtered.facets().get("category"));
      assertEquals(counts(all, "category").get(category).longValue(), filtered.total());
      // Every other facet counts the filtered papers only: each has one year, so the years add up to the total.
      assertEquals(filtered.total(), filtered.facets().get("year").stream().mapToLong(FacetValue::count).sum());
      assertTrue(filtered.total() < all.total());
    }
  }
}
