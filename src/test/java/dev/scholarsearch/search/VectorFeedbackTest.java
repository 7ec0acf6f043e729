package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scholarsearch.index.Fields;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class VectorFeedbackTest {
  @Test
  void movesTheQueryTowardsTheMeanOfThePapers() {
    float[] query = {3, 0, 0};
    // The papers' mean points along y; equal shares put the moved query at 45 degrees, unit length.
    float[] moved = VectorFeedback.expand(query, Arrays.asList(new float[] {0, 1, 1}, new float[] {0, 1, -1}, null), 0.5f);
    float h = (float) Math.sqrt(0.5);
    assertArrayEquals(new float[] {h, h, 0}, moved, 1e-6f);
    // All of the share to the query: its own direction.
    assertArrayEquals(new float[] {1, 0, 0}, VectorFeedback.expand(query, List.of(new float[] {0, 1, 0}), 1f), 1e-6f);
    // No paper with a vector: the query as it was.
    assertSame(query, VectorFeedback.expand(query, Arrays.asList((float[]) null), 0.5f));
    assertEquals(h, VectorFeedback.cosine(new float[] {1, 0, 0}, new float[] {2, 2, 0}), 1e-6f);
    assertEquals(0f, VectorFeedback.cosine(new float[] {1, 0, 0}, null));
  }

  @Test
  void readsTheVectorsOfDocumentsInAnyOrderAcrossSegments() throws Exception {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < 30; i++) {
        Document d = new Document();
        d.add(new StringField("n", Integer.toString(i), StringField.Store.YES));
        if (i % 3 != 0) { // every third document has no vector, as a paper indexed without one
          d.add(new KnnFloatVectorField(Fields.VECTOR, new float[] {i, 1}, VectorSimilarityFunction.COSINE));
        }
        w.addDocument(d);
        if (i % 10 == 9) {
          w.commit(); // three segments
        }
      }
      try (DirectoryReader r = DirectoryReader.open(w)) {
        assertEquals(3, r.leaves().size());
        int[] docs = {25, 1, 14, 3, 29, 2, 2, 28};
        float[][] v = VectorFeedback.of(r, docs);
        for (int i = 0; i < docs.length; i++) {
          int n = Integer.parseInt(r.storedFields().document(docs[i]).get("n"));
          if (n % 3 == 0) {
            assertNull(v[i], "document " + n + " has no vector");
          } else {
            assertArrayEquals(new float[] {n, 1}, v[i], "document " + n);
          }
        }
      }
    }
  }
}
