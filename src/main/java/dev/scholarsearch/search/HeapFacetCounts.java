package dev.scholarsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * Exact counts of a small facet dimension (years, categories, venues, types: tens to thousands of
 * values) from each segment's ordinals copied onto the heap, as Solr's field cache does.
 *
 * <p>Lucene's {@code SortedSetDocValuesFacetCounts} reads the ordinals of every matching document
 * from the memory-mapped doc values, each read bounds-checked; a faceted search whose words are in a
 * third of a million-paper index spent a third of its time there (docs/BENCHMARKS.md). Here each
 * match costs an array read. The copy is made once per segment and field, on first use, and is
 * dropped with the segment: a 1M-paper index holds about 5 MB per single-valued dimension.
 */
final class HeapFacetCounts extends Facets {
  /**
   * The heap copies of ordinals, per segment core and field: a segment never changes, so neither
   * does its copy, and it is dropped when the segment closes. One per retriever, not per process.
   */
  static final class Ordinals {
    private final Map<Key, SegmentOrdinals> cache = new ConcurrentHashMap<>();

    private record Key(IndexReader.CacheKey core, String field) {}

    SegmentOrdinals of(LeafReader reader, String field) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return SegmentOrdinals.read(reader, field); // a reader that cannot be cached: read every time
      }
      Key key = new Key(helper.getKey(), field);
      SegmentOrdinals ords = cache.get(key);
      if (ords == null) {
        ords = SegmentOrdinals.read(reader, field);
        if (ords == null) {
          return null;
        }
        if (cache.putIfAbsent(key, ords) == null) {
          helper.addClosedListener(closed -> cache.keySet().removeIf(k -> k.core() == closed));
        }
      }
      return ords;
    }
  }

  private final SortedSetDocValuesReaderState state;
  private final int[] counts;

  HeapFacetCounts(SortedSetDocValuesReaderState state, FacetsCollector hits, Ordinals ordinals) throws IOException {
    this.state = state;
    this.counts = new int[state.getSize()];
    // The reader's doc values number the values of all its segments together; with more than one
    // segment they carry the map from each segment's numbers to those.
    OrdinalMap globals = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.bits() == null || md.totalHits() == 0) {
        continue;
      }
      SegmentOrdinals ords = ordinals.of(md.context().reader(), state.getField());
      if (ords == null) {
        continue;
      }
      int[] local = ords.count(md.bits().iterator());
      LongValues toGlobal = globals == null ? LongValues.IDENTITY : globals.getGlobalOrds(md.context().ord);
      for (int o = 0; o < local.length; o++) {
        if (local[o] > 0) {
          counts[(int) toGlobal.get(o)] += local[o];
        }
      }
    }
  }

  /**
   * One segment's ordinals of one field: {@code ord[doc]} (-1: none) when no document has two values,
   * else each document's values at {@code values[start[doc]] .. values[start[doc + 1] - 1]}.
   */
  private record SegmentOrdinals(int valueCount, int[] ord, int[] start, int[] values) {
    static SegmentOrdinals read(LeafReader reader, String field) throws IOException {
      if (reader.getFieldInfos().fieldInfo(field) == null) {
        return null;
      }
      SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
      int valueCount = (int) dv.getValueCount();
      int maxDoc = reader.maxDoc();
      SortedDocValues single = DocValues.unwrapSingleton(dv);
      if (single != null) {
        int[] ord = new int[maxDoc];
        Arrays.fill(ord, -1);
        for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
          ord[doc] = single.ordValue();
        }
        return new SegmentOrdinals(valueCount, ord, null, null);
      }
      int[] start = new int[maxDoc + 1];
      int[] values = new int[Math.max(16, maxDoc)];
      int n = 0;
      int next = 0; // the first document whose start is not yet set
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        while (next <= doc) {
          start[next++] = n;
        }
        int c = dv.docValueCount();
        if (n + c > values.length) {
          values = Arrays.copyOf(values, Math.max(n + c, values.length + (values.length >> 1)));
        }
        for (int i = 0; i < c; i++) {
          values[n++] = (int) dv.nextOrd();
        }
      }
      while (next <= maxDoc) {
        start[next++] = n;
      }
      return new SegmentOrdinals(valueCount, null, start, Arrays.copyOf(values, n));
    }

    /** How many of the documents have each ordinal. */
    int[] count(DocIdSetIterator docs) throws IOException {
      int[] c = new int[valueCount];
      if (ord != null) {
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          int o = ord[doc];
          if (o >= 0) {
            c[o]++;
          }
        }
      } else {
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
            c[values[i]]++;
          }
        }
      }
      return c;
    }
  }

  /** Every value with a count, most frequent first; ties in ordinal (label byte) order, as Lucene's counts break them. */
  private List<LabelAndValue> children(String dim) throws IOException {
    SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      throw new IllegalArgumentException("dimension '" + dim + "' was not indexed into field " + state.getField());
    }
    List<Integer> ords = new ArrayList<>();
    for (int o = range.start(); o <= range.end(); o++) {
      if (counts[o] > 0) {
        ords.add(o);
      }
    }
    ords.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
    SortedSetDocValues labels = state.getDocValues();
    List<LabelAndValue> out = new ArrayList<>(ords.size());
    for (int o : ords) {
      String[] path = FacetsConfig.stringToPath(labels.lookupOrd(o).utf8ToString());
      out.add(new LabelAndValue(path[path.length - 1], counts[o]));
    }
    return out;
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    return getTopChildren(Integer.MAX_VALUE, dim, path);
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    if (path.length > 0) {
      throw new IllegalArgumentException("facet dimensions here are flat; got a path under " + dim);
    }
    List<LabelAndValue> all = children(dim);
    if (all.isEmpty()) {
      return null;
    }
    List<LabelAndValue> top = all.subList(0, Math.min(topN, all.size()));
    // A multi-valued dimension has no meaningful total of its own (a paper counts under each value): -1, as Lucene says.
    return new FacetResult(dim, path, -1, top.toArray(new LabelAndValue[0]), all.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    for (LabelAndValue lv : children(dim)) {
      if (path.length == 1 && lv.label.equals(path[0])) {
        return lv.value;
      }
    }
    return 0;
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> out = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult r = getTopChildren(topN, dim);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
