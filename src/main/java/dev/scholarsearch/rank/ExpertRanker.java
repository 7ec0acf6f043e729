package dev.scholarsearch.rank;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.StoredRecords;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.SearchKernel;
import dev.scholarsearch.search.UserQuery;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import java.io.IOException;
import java.util.ArrayList;
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

/** Ranks researchers for a topic by the papers of theirs that match it best. */
public final class ExpertRanker implements ExpertSearch {
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
      return ExpertVote.rank(ranked, new LocalPool(searcher, q), model, scope, limit, matchingOnly);
    });
  }

  /** The pool's authors and evidence read from the local index: doc values, postings, stored fields. */
  private record LocalPool(LiveIndex.Snapshot searcher, UserQuery q) implements PoolReader {
    @Override
    public List<List<String>> authors(List<Retrieval.Ranked> pool) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<List<String>> out = new ArrayList<>(pool.size());
      for (Retrieval.Ranked r : pool) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(r.doc(), leaves));
        SortedSetDocValues authors = DocValues.getSortedSet(leaf.reader(), Fields.AUTHOR_ID);
        List<String> ids = new ArrayList<>();
        if (authors.advanceExact(r.doc() - leaf.docBase)) {
          for (int i = 0; i < authors.docValueCount(); i++) {
            ids.add(authors.lookupOrd(authors.nextOrd()).utf8ToString());
          }
        }
        out.add(ids);
      }
      return out;
    }

    @Override
    public int paperCount(String researcherId) throws IOException {
      return PaperCounts.of(searcher.untimed(), researcherId);
    }

    @Override
    public ResearcherLookup researchers(List<String> candidates) {
      return id -> StoredRecords.researcher(searcher, id);
    }

    @Override
    public Map<Integer, EvidencePaper> evidence(List<Retrieval.Ranked> papers, List<Retrieval.Ranked> byWords)
        throws IOException {
      StoredFields stored = searcher.storedFields();
      MatchedWords words = new MatchedWords(searcher.getIndexReader(), q);
      Set<Integer> wordy = new java.util.HashSet<>();
      byWords.forEach(r -> wordy.add(r.doc()));
      Map<Integer, EvidencePaper> out = new HashMap<>();
      for (Retrieval.Ranked r : papers) {
        if (!out.containsKey(r.doc())) {
          var d = stored.document(r.doc(), Set.of(Fields.ID, Fields.TITLE));
          out.put(r.doc(), new EvidencePaper(d.get(Fields.ID), d.get(Fields.TITLE),
              wordy.contains(r.doc()) ? words.in(r.doc()) : List.of()));
        }
      }
      return out;
    }
  }
}
