package dev.scholarsearch.rank;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.SurfaceForms;
import dev.scholarsearch.search.UserQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;

/**
 * Which of a topic's words a paper contains, read from the postings of the combined title and
 * abstract field (one seek per word and paper: cheaper than parsing the stored record), and
 * spelled as the topic spells them.
 */
public final class MatchedWords {
  private final IndexReader reader;
  private final List<String> stems;
  private final SurfaceForms spelling;

  public MatchedWords(IndexReader reader, UserQuery q) {
    this.reader = reader;
    this.stems = List.copyOf(new LinkedHashSet<>(q.words()));
    this.spelling = new SurfaceForms().learn(q.text());
  }

  /** The topic's words in paper {@code doc}, in the order typed. */
  public List<String> in(int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    List<String> out = new ArrayList<>();
    try {
      for (String stem : stems) {
        PostingsEnum p = leaf.reader().postings(new Term(Fields.TEXT, stem), PostingsEnum.NONE);
        if (p != null && p.advance(local) == local) {
          out.add(spelling.word(stem));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
