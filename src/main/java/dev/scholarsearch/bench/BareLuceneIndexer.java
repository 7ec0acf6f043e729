package dev.scholarsearch.bench;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.ingest.JsonlPaperReader;
import dev.scholarsearch.model.Listing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.MMapDirectory;

/**
 * The baseline for indexing throughput: a plain IndexWriter fed straight from the JSONL, with the
 * same analyzer, the same text fields and the same postings, but no facets, no merging of papers
 * and researchers, no researcher documents and no stored records.
 */
public final class BareLuceneIndexer {
  private BareLuceneIndexer() {}

  /** Indexes the JSONL into {@code dir}; returns the number of documents. */
  public static int index(Path jsonl, Path dir, int threads) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256);
    try (var d = new MMapDirectory(dir); IndexWriter writer = new IndexWriter(d, config)) {
      java.util.List<Listing> listings = new java.util.ArrayList<>();
      new JsonlPaperReader().read(jsonl, listings::add);
      var pool = new java.util.concurrent.ForkJoinPool(threads);
      try {
        pool.submit(() -> listings.parallelStream().forEach(l -> {
          try {
            writer.addDocument(document(l));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })).join();
      } finally {
        pool.shutdown();
      }
      writer.commit();
      return listings.size();
    }
  }

  static Document document(Listing l) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, l.externalId(), Field.Store.YES));
    d.add(new TextField(Fields.TITLE, l.title(), Field.Store.YES));
    d.add(new TextField(Fields.TITLE_EXACT, l.title(), Field.Store.NO));
    for (String field : new String[] {Fields.TEXT, Fields.TEXT_EXACT}) {
      d.add(new TextField(field, l.title(), Field.Store.NO));
      d.add(new TextField(field, l.abstractText(), Field.Store.NO));
    }
    for (String a : l.authorNames()) {
      d.add(new TextField(Fields.AUTHOR_TEXT, a, Field.Store.NO));
      d.add(new StringField(Fields.AUTHOR, a, Field.Store.NO));
    }
    for (String c : l.categories()) {
      d.add(new StringField(Fields.CATEGORY, c, Field.Store.NO));
    }
    if (!l.venue().isEmpty()) {
      d.add(new StringField(Fields.VENUE, l.venue(), Field.Store.NO));
    }
    if (l.year() > 0) {
      d.add(new IntPoint(Fields.YEAR, l.year()));
    }
    d.add(new NumericDocValuesField(Fields.DATE_SORT, l.date() == null ? 0 : l.date().toEpochDay()));
    d.add(new StringField(Fields.HAS_CODE, Boolean.toString(l.hasCode()), Field.Store.NO));
    return d;
  }
}
