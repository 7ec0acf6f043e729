package dev.scholarsearch.rank;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.StoredRecords;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.SearchKernel;
import dev.scholarsearch.search.UserQuery;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** Ranks researchers for a topic by the papers of theirs that match it best. */
public final class ExpertRanker implements ExpertSearch {
  /** Papers shown as a researcher's evidence: the best few say why; the rest are on their page. */
  static final int EVIDENCE = 5;
  /** The most researchers one API request ranks. */
  public static final int MAX_LIMIT = 100;
  private final LiveIndex index;
  private final SearchKernel kernel;
  private final ExpertModel model;

  /** Who may be ranked. */
  public enum Scope {
    ALL, PROFILES;

    public static Scope parse(String s) {
      return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "all" -> ALL;
        case "profiles" -> PROFILES;
        default -> throw InvalidRequestException.badParameter("scope must be all or profiles, got '"
            + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
      };
    }
  }

  public ExpertRanker(LiveIndex index, SearchKernel kernel, ExpertModel model) {
    this.index = index;
    this.kernel = kernel;
    this.model = model;
  }

  /** The API's ranking: at most 100 researchers. */
  public List<Expert> rank(String topic, SearchFilters filters, Scope scope, int limit) {
    return rank(topic, filters, scope, limit, Optional.empty());
  }

  /** The same, with papers ranked in {@code mode} (null: hybrid when the index has vectors). */
  public List<Expert> rank(String topic, SearchFilters filters, Scope scope, int limit, SearchMode mode) {
    return rank(topic, filters, scope, limit, Optional.of(mode));
  }

  /** The same, in the index's default mode when {@code mode} is empty. */
  @Override
  public List<Expert> rank(String topic, SearchFilters filters, Scope scope, int limit, Optional<SearchMode> mode) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidRequestException.badParameter("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return ranking(topic, filters, scope, limit, mode, true);
  }

  /**
   * The same ranking to any depth (the evaluation reads the top 1,000), every voter included: the
   * API leaves out researchers none of whose papers match (in semantic mode on a small index every
   * paper votes, for any topic, nonsense included), the evaluation keeps the ranking it was tuned on.
   */
  public List<Expert> ranking(String topic, SearchFilters filters, Scope scope, int limit, Optional<SearchMode> mode) {
    return ranking(topic, filters, scope, limit, mode, false);
  }

  private List<Expert> ranking(String topic, SearchFilters filters, Scope scope, int limit, Optional<SearchMode> mode,
      boolean matchingOnly) {
    if (topic == null || topic.isBlank()) {
      throw InvalidRequestException.badParameter("topic must not be empty");
    }
    UserQuery q = kernel.planner().parse(topic, false);
    kernel.prepareFor(index, mode);
    return index.search(searcher -> {
      // The evidence is the paper ranking search gives (hybrid when the index has vectors).
      RetrievalPlan plan = kernel.planner().forRanking(searcher, q, filters, mode, model.topPapers());
      List<Retrieval.Ranked> ranked = kernel.retriever().rank(searcher, plan).ranked();
      ScoreDoc[] topDocs = ranked.stream().map(r -> new ScoreDoc(r.doc(), r.score())).toArray(ScoreDoc[]::new);
      // Every paper of the pool votes (the ranking is tuned so), but only those that contain the
      // topic's words or are close to it in meaning count as matching: on a small index every
      // paper is among the nearest, and "17 matching of 17" would say nothing.
      Map<Integer, Retrieval.Ranked> byDoc = new HashMap<>();
      ranked.forEach(r -> byDoc.put(r.doc(), r));
      MatchedWords words = new MatchedWords(searcher.getIndexReader(), q);
      if (topDocs.length == 0) {
        return List.of();
      }
      float max = topDocs[0].score;
      Map<String, Votes> votes = new HashMap<>();
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      for (ScoreDoc sd : topDocs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        SortedSetDocValues authors = DocValues.getSortedSet(leaf.reader(), Fields.AUTHOR_ID);
        if (authors.advanceExact(sd.doc - leaf.docBase)) {
          for (int i = 0; i < authors.docValueCount(); i++) {
            String id = authors.lookupOrd(authors.nextOrd()).utf8ToString();
            votes.computeIfAbsent(id, k -> new Votes()).add(sd, max);
          }
        }
      }
      List<Candidate> candidates = new ArrayList<>();
      for (Map.Entry<String, Votes> e : votes.entrySet()) {
        Term author = new Term(Fields.AUTHOR_ID, e.getKey());
        // docFreq counts deleted documents too, which an index updated in place has until they are merged away.
        int paperCount = searcher.getIndexReader().hasDeletions() ? searcher.count(new TermQuery(author))
            : searcher.getIndexReader().docFreq(author);
        candidates.add(new Candidate(e.getKey(), e.getValue(), paperCount, score(e.getValue(), paperCount)));
      }
      // Ties (co-authors of the same single paper, say) go to more matching papers, then the more established researcher.
      candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
          .thenComparing(c -> -c.votes().docs.size())
          .thenComparing(c -> -c.paperCount())
          .thenComparing(Candidate::id));
      StoredFields stored = searcher.storedFields();
      List<Expert> out = new ArrayList<>();
      for (Candidate c : candidates) {
        if (out.size() == limit) {
          break;
        }
        int matchingPapers = (int) c.votes().docs.stream().filter(sd -> matches(byDoc.get(sd.doc))).count();
        if (matchingOnly && matchingPapers == 0) {
          continue;
        }
        Researcher r = StoredRecords.researcher(searcher, c.id()).orElse(null);
        if (r == null || (scope == Scope.PROFILES && !r.hasProfile())) {
          continue;
        }
        List<Expert.Evidence> evidence = new ArrayList<>();
        for (ScoreDoc sd : c.votes().docs.subList(0, Math.min(EVIDENCE, c.votes().docs.size()))) {
          var d = stored.document(sd.doc, Set.of(Fields.ID, Fields.TITLE));
          Retrieval.Ranked hit = byDoc.get(sd.doc);
          evidence.add(new Expert.Evidence(d.get(Fields.ID), d.get(Fields.TITLE), sd.score, matches(hit),
              foundByWords(hit) ? words.in(sd.doc) : List.of(), hit.similarity().orElse(null)));
        }
        out.add(new Expert(r.id(), r.name(), c.score(), r.hasProfile(), c.paperCount(), matchingPapers, evidence));
      }
      return out;
    });
  }

  /** Found by its words: every lexical hit, and a fused one with a lexical side. */
  private static boolean foundByWords(Retrieval.Ranked r) {
    return r.fusion().map(RankFusion.Fused::lexical).orElse(true);
  }

  /** Matches the topic: found by its words, or close to it in meaning (the hybrid floor). */
  private static boolean matches(Retrieval.Ranked r) {
    return foundByWords(r) || r.fusion().map(RankFusion.Fused::close).orElse(false);
  }

  private double score(Votes v, int paperCount) {
    double s = switch (model.aggregation()) {
      case COMB_SUM -> v.sum;
      case EXP_COMB_MNZ -> v.expSum * v.docs.size();
      case COMB_MAX -> v.max + model.restWeight() * (v.sum - v.max);
    };
    return model.volumeExponent() == 0 ? s : s / Math.pow(Math.max(1, paperCount), model.volumeExponent());
  }


  /** One researcher's votes: the papers (best first, as they arrive in score order) and running sums. */
  private static final class Votes {
    final List<ScoreDoc> docs = new ArrayList<>();
    double sum;
    double expSum;
    double max;

    void add(ScoreDoc sd, float best) {
      docs.add(sd);
      sum += sd.score;
      expSum += Math.exp(sd.score / best);
      max = Math.max(max, sd.score);
    }
  }

  private record Candidate(String id, Votes votes, int paperCount, double score) {}
}
