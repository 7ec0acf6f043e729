package dev.scholarsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.search.FacetValue;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
  private static Corpus corpus(Path... inputs) {
    return new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(inputs)).corpus();
  }

  @Test
  void cacmIndexesEveryPaperWithFacets(@TempDir Path dir) throws Exception {
    Corpus c = corpus(TestData.cacm("corpus.jsonl"));
    IndexManifest m = Indexer.write(dir, c, List.of("cacm"), "fp", s -> {});
    assertEquals(3204, m.papers());
    assertEquals(c.researchers().size(), m.researchers());
    try (var d = new MMapDirectory(dir); var reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      assertEquals(3204, s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER))));
      assertEquals(1, s.count(new TermQuery(new Term(Fields.ID, "cacm-3193"))));
      assertEquals(m.researchers(), s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_RESEARCHER))));
      assertEquals("fp", dev.scholarsearch.index.IndexStatus.of(dir).readableManifest().orElseThrow().fingerprint());
    }
    try (LiveIndex live = LiveIndex.open(dir, Duration.ofHours(1))) {
      SearchResult all = new PaperSearcher(live).search(new SearchRequest("", dev.scholarsearch.search.SearchFilters.NONE,
          dev.scholarsearch.search.SortOrder.RELEVANCE, 0, 1, false, false, 100, java.util.Optional.empty()));
      assertEquals(3204, all.total());
      assertEquals(List.of(new FacetValue("CACM", 3204)), all.facets().get("venue"));
      int yearSum = all.facets().get("year").stream().mapToInt(FacetValue::count).sum();
      assertEquals(3204, yearSum, "every CACM paper has a year (1958-1979: 22 values, all returned)");
      assertEquals(22, all.facets().get("year").size());
    }
  }

  @Test
  void failedRebuildLeavesThePreviousIndexIntact(@TempDir Path dir) throws Exception {
    Indexer.write(dir, corpus(TestData.seeds()), List.of("seeds"), "first", s -> {});
    Corpus cacm = corpus(TestData.cacm("corpus.jsonl"));
    RuntimeException boom = assertThrows(RuntimeException.class, () -> Indexer.write(dir, cacm, List.of("cacm"), "second", s -> {
      if (s.equals("committing")) {
        throw new RuntimeException("simulated crash before commit");
      }
    }));
    assertEquals("simulated crash before commit", boom.getMessage());
    assertEquals("first", dev.scholarsearch.index.IndexStatus.of(dir).readableManifest().orElseThrow().fingerprint());
    try (var d = new MMapDirectory(dir); var reader = DirectoryReader.open(d)) {
      assertEquals(42, new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER))));
      CheckIndex.Status status;
      try (CheckIndex check = new CheckIndex(d)) {
        status = check.checkIndex();
      }
      assertTrue(status.clean, "CheckIndex after the failed rebuild");
    }
  }

  @Test
  void storedRecordsRoundTrip(@TempDir Path dir) throws Exception {
    Corpus c = corpus(TestData.seeds());
    Indexer.write(dir, c, List.of("seeds"), "fp", s -> {});
    try (LiveIndex live = LiveIndex.open(dir, Duration.ofHours(1))) {
      PaperSearcher searcher = new PaperSearcher(live);
      for (var p : c.papers()) {
        assertEquals(p, searcher.paper(p.id()).orElseThrow());
      }
      assertTrue(searcher.paper("no-such-id").isEmpty());
    }
  }
}
