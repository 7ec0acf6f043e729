package dev.scholarsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spread view similar papers search with: on an index far below Lucene's 250,000 documents a
 * slice, the searcher has one slice and its spread view one per search thread, which find the same
 * documents; the spread view keeps the request's deadline, and a searcher with one thread has
 * nothing to spread.
 */
class SpreadSnapshotTest {
  @Test
  void aSpreadViewHasASliceAThreadFindsTheSameAndKeepsTheDeadline(@TempDir Path dir) throws Exception {
    try (MMapDirectory d = new MMapDirectory(dir)) {
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < 4_000; i++) {
          Document doc = new Document();
          doc.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          w.addDocument(doc);
          if (i % 1_000 == 999) {
            w.setLiveCommitData(new IndexManifest(List.of(), "test", Instant.EPOCH, 4_000, 0,
                IndexManifest.NO_VECTORS).toUserData().entrySet());
            w.commit(); // four segments of 1,000
          }
        }
      }
    }
    TermQuery even = new TermQuery(new Term("parity", "even"));
    try (LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.threads(2))) {
      index.search(s -> {
        assertEquals(4, s.getIndexReader().leaves().size());
        assertEquals(1, s.getSlices().length, "Lucene's slices: all four segments in one");
        LiveIndex.Snapshot spread = s.spread();
        assertEquals(2, spread.getSlices().length, "one slice a search thread");
        assertSame(spread, spread.spread(), "a spread view spreads no further");
        assertEquals(2_000, spread.count(even));
        assertEquals(List.of(s.search(even, 50).scoreDocs).stream().map(sd -> sd.doc).toList(),
            List.of(spread.search(even, 50).scoreDocs).stream().map(sd -> sd.doc).toList());
        return null;
      });
    }
    try (LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.threads(2).budget(Duration.ofMillis(1)))) {
      assertThrows(QueryTimeoutException.class, () -> index.search(s -> {
        LiveIndex.Snapshot spread = s.spread();
        long until = System.nanoTime() + 5_000_000;
        while (System.nanoTime() < until) {
          spread.count(even);
        }
        return null;
      }), "past the request's deadline in the spread view is a timeout too");
    }
    try (LiveIndex index = LiveIndex.open(dir, LiveIndex.Options.DEFAULT.threads(1))) {
      index.search(s -> {
        assertSame(s, s.spread(), "one search thread: nothing to spread over");
        return null;
      });
    }
  }
}
