package dev.scholarsearch.search;

import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches exactly the documents given by number, each with a constant score. A hybrid search counts
 * and facets the papers found by meaning alone; naming them by id made it read each one's stored
 * fields (an LZ4 block a paper, a fifth of a hybrid search on the 86k corpus), when their numbers
 * were already at hand. The numbers belong to one reader, so the query refuses any other.
 */
final class DocNumbersQuery extends Query {
  private final int[] docs;
  private final Object readerId;

  /** The documents {@code docs} (numbers in {@code reader}, in any order) of {@code reader}. */
  DocNumbersQuery(IndexReader reader, int[] docs) {
    this.docs = Arrays.stream(docs).sorted().distinct().toArray();
    this.readerId = reader.getContext().id();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader().getContext().id() != readerId) {
      throw new IllegalStateException("document numbers of another reader");
    }
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) {
        int from = firstAtOrAfter(leaf.docBase);
        int to = firstAtOrAfter(leaf.docBase + leaf.reader().maxDoc());
        if (from == to) {
          return null;
        }
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new Span(from, to, leaf.docBase)));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false; // it changes with every query
      }
    };
  }

  private int firstAtOrAfter(int doc) {
    int at = Arrays.binarySearch(docs, doc);
    return at >= 0 ? at : -at - 1;
  }

  /** The numbers {@code docs[from..to)}, less {@code base}, as a leaf's iterator. */
  private final class Span extends DocIdSetIterator {
    private final int from;
    private final int to;
    private final int base;
    private int at;
    private int doc = -1;

    Span(int from, int to, int base) {
      this.from = from;
      this.to = to;
      this.base = base;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      at++;
      doc = at < to ? docs[at] - base : NO_MORE_DOCS;
      return doc;
    }

    @Override
    public int advance(int target) {
      if (at + 1 >= to) {
        at = to;
        return doc = NO_MORE_DOCS;
      }
      int i = Arrays.binarySearch(docs, at + 1, to, target + base);
      at = (i >= 0 ? i : -i - 1) - 1;
      return nextDoc();
    }

    @Override
    public long cost() {
      return to - from;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "DocNumbers[" + docs.length + "]";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && readerId == ((DocNumbersQuery) other).readerId
        && Arrays.equals(docs, ((DocNumbersQuery) other).docs);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Arrays.hashCode(docs);
  }
}
