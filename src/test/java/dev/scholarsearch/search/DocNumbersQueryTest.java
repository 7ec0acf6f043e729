package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The query that stands for the papers a hybrid search found by meaning alone: over an index of
 * several segments, it must match exactly the numbers given, alone and inside a conjunction (which
 * makes it skip with advance), and refuse a reader that did not number them.
 */
class DocNumbersQueryTest {
  private static final int DOCS = 3_000;

  @Test
  void matchesExactlyTheGivenDocumentsAcrossSegmentsAloneAndInAConjunction() throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < DOCS; i++) {
          Document d = new Document();
          d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          w.addDocument(d);
          if (i % 700 == 699) {
            w.commit(); // a segment every 700 documents: five leaves, the last one short
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(5, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
          int[] chosen = random.ints(1 + random.nextInt(400), 0, DOCS).toArray(); // unsorted, with repeats
          TreeSet<Integer> expected = new TreeSet<>();
          Arrays.stream(chosen).forEach(expected::add);
          DocNumbersQuery q = new DocNumbersQuery(reader, chosen);
          assertEquals(expected.stream().toList(), docs(searcher, q));
          assertEquals(expected.size(), searcher.count(q));
          BooleanQuery evenOnes = new BooleanQuery.Builder()
              .add(new TermQuery(new Term("parity", "even")), BooleanClause.Occur.MUST)
              .add(q, BooleanClause.Occur.FILTER).build();
          assertEquals(expected.stream().filter(d -> d % 2 == 0).toList(), docs(searcher, evenOnes));
        }
        try (DirectoryReader other = DirectoryReader.open(dir)) {
          assertThrows(IllegalStateException.class,
              () -> new IndexSearcher(other).count(new DocNumbersQuery(reader, new int[] {1})));
        }
      }
    }
  }

  private static List<Integer> docs(IndexSearcher searcher, Query q) throws IOException {
    return Arrays.stream(searcher.search(q, DOCS).scoreDocs).map(sd -> sd.doc).sorted().toList();
  }
}
