package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
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
  /** Every dimension counted exactly from the doc values (no dimension is small enough for the heap). */
  private static final FacetDrillSideways.Sampling EXACT = new FacetDrillSideways.Sampling(Integer.MAX_VALUE, 0, true);
  /** Every dimension, authors too, counted exactly: from the doc values, or from ordinals on the heap. */
  private static final FacetDrillSideways.Sampling DIRECT =
      new FacetDrillSideways.Sampling(Integer.MAX_VALUE, Integer.MAX_VALUE, false);
  private static final FacetDrillSideways.Sampling HEAP =
      new FacetDrillSideways.Sampling(Integer.MAX_VALUE, Integer.MAX_VALUE, true);
  private static final FacetDrillSideways.Sampling LOW = new FacetDrillSideways.Sampling(600, 500, true);

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
  void heapOrdinalsCountExactlyAsDocValuesDoWithDeletedPapersToo() throws Exception {
    // A copy of the index with 300 papers deleted (they have ordinals on the heap but never match,
    // so they must never be counted) and a segment of another corpus added (its own numbering of
    // the values, which the reader maps to shared numbers).
    SyntheticCorpus other = new SyntheticCorpus(7, 400);
    Path otherJsonl = dir.resolve("other.jsonl");
    other.write(otherJsonl, 400);
    var otherCorpus = new Ingester(new ReferenceDate(dev.scholarsearch.TestData.REFERENCE), s -> {})
        .ingest(List.of(otherJsonl)).corpus();
    Indexer.write(dir.resolve("other-idx"), otherCorpus, List.of(), "t", s -> {});
    Path copy = dir.resolve("deleted");
    java.nio.file.Files.createDirectories(copy);
    try (var files = java.nio.file.Files.list(dir.resolve("idx"))) {
      for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    try (var d = org.apache.lucene.store.FSDirectory.open(copy);
        var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig()
            .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      var userData = org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
      for (int i = 0; i < 300; i++) {
        w.deleteDocuments(new org.apache.lucene.index.Term(dev.scholarsearch.index.Fields.ID, "syn-" + (i * 10)));
      }
      try (var o = org.apache.lucene.store.FSDirectory.open(dir.resolve("other-idx"))) {
        w.addIndexes(o);
      }
      w.setLiveCommitData(userData.entrySet());
      w.commit();
    }
    for (Path idx : List.of(dir.resolve("idx"), copy)) {
      try (LiveIndex index = LiveIndex.open(idx, Duration.ofHours(1))) {
        String category = search(index, DIRECT, request(corpus.word(0), SearchFilters.NONE)).facets().get("category")
            .get(0).value();
        SearchFilters filter = new SearchFilters(List.of(), List.of(category), List.of(), List.of(), YearRange.ANY, false);
        for (SearchRequest req : List.of(request(corpus.word(0) + " " + corpus.word(1), SearchFilters.NONE),
            request(corpus.word(0), filter), request(corpus.word(5), SearchFilters.NONE),
            request("", SearchFilters.NONE), request("", filter))) { // a listing: every paper, both corpora
          SearchResult direct = search(index, DIRECT, req);
          SearchResult heap = search(index, HEAP, req);
          assertEquals(direct.total(), heap.total());
          assertEquals(direct.facets(), heap.facets(), req + " on " + idx.getFileName());
        }
        SearchResult all = search(index, HEAP, request(corpus.word(0) + " " + corpus.word(1), SearchFilters.NONE));
        assertTrue(all.total() >= (idx.equals(copy) ? 2_700 : 3_000), "every paper of the first corpus matches");
        // A paper has one year: the year counts add up to the matches, deleted papers left out.
        assertEquals(all.total(), all.facets().get("year").stream().mapToLong(FacetValue::count).sum());
        if (idx.equals(copy)) {
          assertTrue(index.search(s -> s.getIndexReader().leaves().size()) > 1, "several segments");
        }
      }
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
