package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * DrillSideways that counts each facet dimension from its own doc-values field, and estimates the
 * counts of a large dimension over a large result set from a sample.
 *
 * <p>Lucene's DrillSideways counts every dimension for the matches and again for each filtered
 * dimension's sideways matches, though only that dimension's sideways counts are shown; here a
 * sideways set is counted for its one dimension only. That was most of a filtered search's time at
 * 1M papers: the sideways set of a category filter is every match of the query in any category.
 *
 * <p>A dimension with more than 10,000 values (the authors) is counted exactly up to 20,000
 * matches ({@link Sampling}). Above that it is counted over every k-th match in index order, about
 * half that many, and each count is multiplied by k: the same search always gets the same counts,
 * and the values a facet list shows, the most frequent, are estimated well enough to rank them (a
 * value on 1% of the matches is seen about 100 times in the sample, a standard error near 10%).
 * Counting a 1M-paper index's authors exactly over 20,000 to 100,000 matches was what kept the
 * keyword mix's p99 high once the filtered searches were fixed (docs/BENCHMARKS.md).
 * {@link #estimated()} names the dimensions so estimated, for the caller to say so. The small
 * dimensions are counted exactly from ordinals kept on the heap ({@link HeapFacetCounts}).
 */
final class FacetDrillSideways extends DrillSideways {
  /**
   * When counts are estimated: a dimension with more than {@code sampledAboveValues} distinct values,
   * over more than {@code exactUpTo} matches.
   */
  record Sampling(int exactUpTo, int sampledAboveValues, boolean heapCounting) {
    /**
     * 20,000 matches and 10,000 values, small dimensions counted by {@link HeapFacetCounts}: at 1M
     * papers this kept the keyword mix's p99 under 50 ms with every count exact but the author
     * dimension's over many matches (docs/BENCHMARKS.md has the side-by-side runs).
     */
    static Sampling standard() {
      return new Sampling(20_000, 10_000, true);
    }

    /** Every count exact, for reports that are not answered while someone waits (stats). */
    static Sampling exact() {
      return new Sampling(Integer.MAX_VALUE, Integer.MAX_VALUE, true);
    }
  }

  private final Map<String, SortedSetDocValuesReaderState> states;
  private final Sampling sampling;
  private final HeapFacetCounts.Ordinals ordinals;
  private final Set<String> estimated = new TreeSet<>();

  /** {@code searcher} must have at least one facet dimension. Ordinals are copied to the heap afresh. */
  FacetDrillSideways(LiveIndex.Snapshot searcher, FacetsConfig config, Sampling sampling) {
    this(searcher, config, sampling, new HeapFacetCounts.Ordinals());
  }

  /** The same, reusing the heap copies of ordinals in {@code ordinals}. */
  FacetDrillSideways(LiveIndex.Snapshot searcher, FacetsConfig config, Sampling sampling,
      HeapFacetCounts.Ordinals ordinals) {
    super(searcher.untimed(), config, searcher.facetStates().values().iterator().next());
    this.states = searcher.facetStates();
    this.sampling = sampling;
    this.ordinals = ordinals;
  }

  /** The dimensions whose counts in the last search were estimated from a sample, in alphabetical order. */
  List<String> estimated() {
    return List.copyOf(estimated);
  }

  @Override
  protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims)
      throws IOException {
    Map<String, Facets> byDim = new HashMap<>();
    // A filtered dimension is counted as if its own filter were off (its sideways matches) ...
    if (drillSideways != null) {
      for (int i = 0; i < drillSideways.length; i++) {
        if (states.containsKey(dims[i])) {
          byDim.put(dims[i], counts(dims[i], drillSideways[i]));
        }
      }
    }
    // ... and every other dimension over the matches.
    if (drillDowns != null) {
      for (String dim : states.keySet()) {
        if (!byDim.containsKey(dim)) {
          byDim.put(dim, counts(dim, drillDowns));
        }
      }
    }
    return new MultiFacets(byDim);
  }

  private Facets counts(String dim, FacetsCollector hits) throws IOException {
    SortedSetDocValuesReaderState state = states.get(dim);
    long total = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      total += md.totalHits();
    }
    if (state.getSize() <= sampling.sampledAboveValues()) {
      return sampling.heapCounting() ? new HeapFacetCounts(state, hits, ordinals) : new SortedSetDocValuesFacetCounts(state, hits);
    }
    if (total <= sampling.exactUpTo()) {
      return new SortedSetDocValuesFacetCounts(state, hits);
    }
    estimated.add(dim);
    long sampleSize = Math.max(1, sampling.exactUpTo() / 2);
    int every = (int) ((total + sampleSize - 1) / sampleSize);
    return new Scaled(new SortedSetDocValuesFacetCounts(state, sample(hits, every)), every);
  }

  /** Every {@code every}-th match, counted across segments in index order. */
  private static FacetsCollector sample(FacetsCollector hits, int every) throws IOException {
    List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
    int seen = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      FixedBitSet kept = new FixedBitSet(md.context().reader().maxDoc());
      int count = 0;
      DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
      if (it != null) {
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (seen++ % every == 0) {
            kept.set(doc);
            count++;
          }
        }
      }
      sampled.add(new FacetsCollector.MatchingDocs(md.context(), new BitDocIdSet(kept, count), count, null));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return sampled;
      }
    };
  }

  /** Counts from a 1-in-{@code factor} sample, scaled up to estimates of the whole. */
  private static final class Scaled extends Facets {
    private final Facets sample;
    private final int factor;

    Scaled(Facets sample, int factor) {
      this.sample = sample;
      this.factor = factor;
    }

    private FacetResult scale(FacetResult r) {
      if (r == null) {
        return null;
      }
      LabelAndValue[] values = new LabelAndValue[r.labelValues.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = new LabelAndValue(r.labelValues[i].label, r.labelValues[i].value.longValue() * factor);
      }
      return new FacetResult(r.dim, r.path, r.value.longValue() * factor, values, r.childCount);
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
      return scale(sample.getAllChildren(dim, path));
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
      return scale(sample.getTopChildren(topN, dim, path));
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
      return sample.getSpecificValue(dim, path).longValue() * factor;
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
      return sample.getAllDims(topN).stream().map(this::scale).toList();
    }
  }
}
