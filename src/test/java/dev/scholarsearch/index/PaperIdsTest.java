package dev.scholarsearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scholarsearch.TestData;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids read from doc values agree with the stored ones, in any order, and fall back for documents without them. */
class PaperIdsTest {
  @Test
  void idsInAnyOrderAreTheStoredOnesAndOldDocumentsFallBack(@TempDir Path dir) throws Exception {
    var corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds())).corpus();
    Indexer.write(dir, corpus, List.of(), "test", s -> {});
    try (Directory d = new MMapDirectory(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      // A paper as schema 11 wrote it: its id stored and indexed, without the doc values.
      Document old = new Document();
      old.add(new StringField(Fields.ID, "p-written-before-doc-values", Field.Store.YES));
      old.add(new StringField(Fields.KIND, Fields.KIND_PAPER, Field.Store.NO));
      w.addDocument(old);
      w.commit();
    }
    try (DirectoryReader reader = DirectoryReader.open(new MMapDirectory(dir))) {
      assertEquals(2, reader.leaves().size(), "the old document is in a segment of its own");
      int last = reader.maxDoc() - 1;
      // Backwards, across both segments, with a repeat and the old document in the middle.
      int[] docs = {last - 1, 5, last, 0, 5, 41};
      StoredFields stored = reader.storedFields();
      String[] expected = new String[docs.length];
      for (int i = 0; i < docs.length; i++) {
        expected[i] = stored.document(docs[i], Set.of(Fields.ID)).get(Fields.ID);
      }
      assertEquals("p-written-before-doc-values", expected[2]);
      assertArrayEquals(expected, PaperIds.of(reader, docs));
    }
  }
}
