package dev.scholarsearch.eval;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.PaperIds;
import dev.scholarsearch.index.WordCounts;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The plain BM25 baselines of the CACM README, computed on the same index: BM25 (k1=0.9, b=0.4)
 * over title and abstract as one Porter-stemmed field ({@link Fields#TEXT}), top 1,000.
 */
public final class Baselines {
  private final LiveIndex index;

  public Baselines(LiveIndex index) {
    this.index = index;
  }

  /** Search: the topic's words, OR-ed, each as often as it occurs. */
  public List<Run.Scored> search(String text, int depth) {
    return index.search(s -> scored(s, bagOfWords(text), null, depth));
  }

  /** Similar papers: the paper's title and abstract as the query, the paper itself removed. */
  public List<Run.Scored> similar(String paperId, int depth) {
    return index.search(s -> {
      TopDocs t = s.search(new TermQuery(new Term(Fields.ID, paperId)), 1);
      if (t.scoreDocs.length == 0) {
        return List.of();
      }
      Paper p = RecordJson.paper(s.storedFields().document(t.scoreDocs[0].doc).get(Fields.RECORD));
      return scored(s, bagOfWords(p.title() + "\n" + p.abstractText()), paperId, depth);
    });
  }

  /** Researchers: the sum of the BM25 scores of each author's papers among the top 100 (CombSUM). */
  public List<Run.Scored> researchers(String topic, int depth) {
    return index.search(s -> {
      TopDocs top = s.search(filtered(bagOfWords(topic), null), 100);
      Map<String, Double> sums = new LinkedHashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Paper p = RecordJson.paper(s.storedFields().document(sd.doc).get(Fields.RECORD));
        for (Authorship a : p.authors()) {
          sums.merge(AuthorKey.of(a.name()), (double) sd.score, Double::sum);
        }
      }
      List<Run.Scored> out = new ArrayList<>();
      sums.forEach((k, v) -> out.add(new Run.Scored(k, v)));
      out.sort((a, b) -> Double.compare(b.score(), a.score()));
      return out.subList(0, Math.min(depth, out.size()));
    });
  }

  private static List<Run.Scored> scored(IndexSearcher s, Query q, String exclude, int depth) throws IOException {
    ScoreDoc[] top = s.search(filtered(q, exclude), depth).scoreDocs;
    String[] ids = PaperIds.of(s.getIndexReader(), java.util.Arrays.stream(top).mapToInt(sd -> sd.doc).toArray());
    List<Run.Scored> out = new ArrayList<>();
    for (int i = 0; i < top.length; i++) {
      out.add(new Run.Scored(ids[i], top[i].score));
    }
    return out;
  }

  private static Query filtered(Query q, String exclude) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER);
    if (exclude != null) {
      b.add(new TermQuery(new Term(Fields.ID, exclude)), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  /** One clause per distinct stemmed word, boosted by how often it occurs (what repeating it in a query does). */
  static Query bagOfWords(String text) {
    Map<String, Integer> tf = WordCounts.of(text);
    if (tf.isEmpty()) {
      return new MatchNoDocsQuery("no words");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    tf.entrySet().stream().limit(IndexSearcher.getMaxClauseCount()).forEach(e -> {
      Query tq = new TermQuery(new Term(Fields.TEXT, e.getKey()));
      b.add(e.getValue() == 1 ? tq : new BoostQuery(tq, e.getValue()), BooleanClause.Occur.SHOULD);
    });
    return b.build();
  }
}
