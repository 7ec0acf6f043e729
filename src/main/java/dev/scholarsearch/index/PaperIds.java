package dev.scholarsearch.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;

/**
 * The ids of many paper documents at once, for rankings a thousand deep (the evaluation's). They
 * come from the id's doc values: reading a stored field decompresses a block per document, which
 * was most of the time of a similar-papers evaluation. A document written before the id had doc
 * values (an index updated in place keeps such documents) is read from its stored fields.
 */
public final class PaperIds {
  private static final Set<String> ID = Set.of(Fields.ID);

  private PaperIds() {}

  /** {@code out[i]} is the id of {@code docs[i]}. */
  public static String[] of(IndexReader reader, int[] docs) throws IOException {
    // Doc values are read forwards only: visit the documents in index order.
    Integer[] order = IntStream.range(0, docs.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = reader.leaves();
    String[] out = new String[docs.length];
    StoredFields stored = null;
    SortedDocValues values = null;
    int leaf = -1;
    for (int i : order) {
      int doc = docs[i];
      int l = ReaderUtil.subIndex(doc, leaves);
      if (l != leaf) {
        leaf = l;
        values = leaves.get(l).reader().getSortedDocValues(Fields.ID_VALUES);
      }
      int local = doc - leaves.get(l).docBase;
      if (values != null && values.advanceExact(local)) {
        out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      } else {
        stored = stored == null ? reader.storedFields() : stored;
        out[i] = stored.document(doc, ID).get(Fields.ID);
      }
    }
    return out;
  }
}
