package dev.scholarsearch.rank;

import dev.scholarsearch.index.Fields;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * How many papers each researcher has in one commit, remembered while that commit is searched.
 * Every candidate of a ranking needs its count (to normalise by volume and break ties), a ranking
 * has hundreds to thousands of them, and each count is a term lookup in every segment: on the 86k
 * corpus that was a third of a researchers request. The counts of a commit never change, and
 * prolific researchers come back query after query.
 */
final class PaperCounts {
  /** Past this many researchers a commit's counts are looked up, not kept (about 100 bytes each). */
  static final int MAX_KEPT = 200_000;

  private static final Map<IndexReader.CacheKey, Map<String, Integer>> BY_COMMIT = new ConcurrentHashMap<>();

  private PaperCounts() {}

  /** The papers of {@code researcherId} in the searcher's commit. */
  static int of(IndexSearcher searcher, String researcherId) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    Map<String, Integer> counts = helper == null ? null : BY_COMMIT.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(BY_COMMIT::remove);
      return new ConcurrentHashMap<>();
    });
    Integer known = counts == null ? null : counts.get(researcherId);
    if (known != null) {
      return known;
    }
    Term author = new Term(Fields.AUTHOR_ID, researcherId);
    // docFreq counts deleted documents too, which an index updated in place has until they are merged away.
    int n = reader.hasDeletions() ? searcher.count(new TermQuery(author)) : reader.docFreq(author);
    if (counts != null && counts.size() < MAX_KEPT) {
      counts.put(researcherId, n);
    }
    return n;
  }
}
