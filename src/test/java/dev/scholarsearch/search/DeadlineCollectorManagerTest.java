package dev.scholarsearch.search;

import dev.scholarsearch.index.DeadlineCollectorManager;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.QueryTimeoutException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scholarsearch.TestData;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faceted searches keep to the time budget too: collecting stops once the deadline has passed. */
class DeadlineCollectorManagerTest {
  @Test
  void facetedSearchStopsAtThePassedDeadlineAndRunsNormallyBeforeIt(@TempDir Path dir) throws Exception {
    var corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds())).corpus();
    Indexer.write(dir, corpus, List.of(), "t", s -> {});
    try (LiveIndex index = LiveIndex.open(dir, Duration.ofHours(1))) {
      var ddq = PaperFilters.restrict(MatchAllDocsQuery.INSTANCE, SearchFilters.NONE);
      QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> index.search(s -> {
        DrillSideways ds = new FacetDrillSideways(s, Fields.facetsConfig(), FacetDrillSideways.Sampling.standard());
        return ds.search(ddq, new DeadlineCollectorManager<>(new TopScoreDocCollectorManager(10, Integer.MAX_VALUE),
            System.nanoTime() - 1, Duration.ofMillis(7)));
      }));
      assertEquals("the query took longer than its time budget of 7 ms and was stopped; make it more specific "
          + "(fewer words, no short prefixes) or try again later", e.getMessage());
      TopDocs top = index.search(s -> {
        DrillSideways ds = new FacetDrillSideways(s, Fields.facetsConfig(), FacetDrillSideways.Sampling.standard());
        return ds.search(ddq, new DeadlineCollectorManager<>(new TopScoreDocCollectorManager(10, Integer.MAX_VALUE),
            System.nanoTime() + Duration.ofMinutes(1).toNanos(), Duration.ofMinutes(1))).collectorResult;
      });
      assertEquals(42, top.totalHits.value());
    }
  }
}
