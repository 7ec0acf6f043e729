package dev.scholarsearch.similar;

import dev.scholarsearch.index.ContentWords;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.WordCounts;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.StoredRecords;
import dev.scholarsearch.index.PaperIds;
import dev.scholarsearch.index.SurfaceForms;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperFilters;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.SearchKernel;
import dev.scholarsearch.search.SearchFilters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Papers like a given paper or a pasted text. Lucene's MoreLikeThis over title and abstract picks
 * the query's most telling terms; when the index has vectors, the paper's nearest neighbours by
 * embedding are fused with those results (reciprocal-rank fusion). Each hit says why it is there:
 * the words it shares, its semantic similarity, or both.
 */
public final class SimilarPapers implements SimilarSearch {
  public static final int MAX_TEXT_CHARS = 20_000;
  /** The most similar papers one request returns. */
  public static final int MAX_LIMIT = 100;
  /** Shared words named per hit: the strongest few say why; a long list says nothing. */
  static final int SHARED_WORDS = 5;
  private final LiveIndex index;
  private final SearchKernel kernel;
  private final SimilarityQuery query;
  private final HybridTuning fusion;

  public SimilarPapers(LiveIndex index, SearchKernel kernel) {
    this(index, kernel, SimilarityModel.DEFAULT);
  }

  public SimilarPapers(LiveIndex index, SearchKernel kernel, SimilarityModel model) {
    this(index, kernel, model, DEFAULT_FUSION);
  }

  public SimilarPapers(LiveIndex index, SearchKernel kernel, SimilarityModel model, HybridTuning fusion) {
    this.index = index;
    this.kernel = kernel;
    this.query = new SimilarityQuery(model);
    this.fusion = fusion;
  }

  /**
   * Fusion of MoreLikeThis and vector neighbours, tuned on CACM's similar-paper judgments. No
   * vector feedback: the query is a whole paper, its vector already says what it is about.
   */
  public static final HybridTuning DEFAULT_FUSION = HybridTuning.DEFAULT.withFeedbackDocs(0);

  /** Papers like the paper {@code id}, never itself; empty when there is no such paper. */
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit) {
    return like(id, filters, limit, Optional.empty());
  }

  /** The same, in the given mode (null: hybrid when the index has vectors). */
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, SearchMode mode) {
    return like(id, filters, limit, Optional.of(mode));
  }

  /** The same, in the index's default mode when {@code mode} is empty. */
  @Override
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    checkLimit(limit);
    return search(id, filters, limit, true, mode);
  }

  /** The same ranking to any depth, ids and scores only (the evaluation reads the top 1,000). */
  public Optional<List<SimilarHit>> ranking(String id, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    return search(id, filters, limit, false, mode);
  }

  private Optional<List<SimilarHit>> search(String id, SearchFilters filters, int limit, boolean detailed,
      Optional<SearchMode> asked) {
    kernel.prepareFor(index, asked);
    return index.search(searcher -> {
      OptionalInt found = StoredRecords.paperDoc(searcher, id);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      int doc = found.getAsInt();
      Paper paper = StoredRecords.paperAt(searcher, doc);
      SearchMode mode = kernel.planner().mode(searcher, asked);
      Query mlt = mode == SearchMode.SEMANTIC ? null
          : query.mlt(searcher.getIndexReader()).like(Map.of(Fields.TEXT, List.of(paper.title(), paper.abstractText())));
      Optional<float[]> vector = mode == SearchMode.LEXICAL ? Optional.empty() : storedVector(searcher, doc);
      SurfaceForms words = new SurfaceForms().learn(paper.title() + "\n" + paper.abstractText());
      return Optional.of(run(searcher, mode, mlt, vector, paper.title() + "\n" + paper.abstractText(), paper, filters, limit,
          detailed ? words : null));
    });
  }

  /** Papers like a pasted abstract or any text. */
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit) {
    return likeText(text, filters, limit, Optional.empty());
  }

  /** Papers like a pasted text, in the given mode (null: hybrid when the index has vectors). */
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit, SearchMode mode) {
    return likeText(text, filters, limit, Optional.of(mode));
  }

  /** The same, in the index's default mode when {@code asked} is empty. */
  @Override
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit, Optional<SearchMode> asked) {
    checkLimit(limit);
    if (text == null || text.isBlank()) {
      throw InvalidRequestException.badParameter("text must not be empty");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw InvalidRequestException.badParameter("text must be at most " + MAX_TEXT_CHARS + " characters, got " + text.length());
    }
    kernel.prepareFor(index, asked);
    return index.search(searcher -> {
      SearchMode mode = kernel.planner().mode(searcher, asked);
      Query mlt = mode == SearchMode.SEMANTIC ? null
          : query.mlt(searcher.getIndexReader()).like(Map.of(Fields.TEXT, List.of(text)));
      Optional<float[]> vector = mode == SearchMode.LEXICAL ? Optional.empty() : kernel.planner().queryVectors().ofText(text);
      return run(searcher, mode, mlt, vector, text, null, filters, limit, new SurfaceForms().learn(text));
    });
  }

  public static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidRequestException.badParameter("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  /**
   * Runs the similarity query: every term MoreLikeThis picked is searched in the combined title and
   * abstract (a title word of one paper is often an abstract word of another), title matches add a
   * bonus, and sharing a category or an author with the query paper adds to the score when the model
   * says so.
   */
  private List<SimilarHit> run(LiveIndex.Snapshot searcher, SearchMode mode, Query mlt, Optional<float[]> vector,
      String queryText, Paper query, SearchFilters filters, int limit, SurfaceForms words) throws IOException {
    List<Query> exclude = query == null ? List.of() : List.of(new TermQuery(new Term(Fields.ID, query.id())));
    Map<String, Float> queryTerms = mlt == null ? Map.of() : SimilarityQuery.termBoosts(mlt);
    // A paper's MoreLikeThis query has dozens of words: both of its passes use every search thread.
    LiveIndex.Snapshot spread = searcher.spread();
    Query lexical = queryTerms.isEmpty() ? new MatchNoDocsQuery("no telling terms")
        : this.query.lexical(spread, queryTerms, queryText, query, PaperFilters.of(filters), exclude);
    RetrievalPlan plan = mode == SearchMode.SEMANTIC
        ? new RetrievalPlan.Semantic(vector, filters, exclude, Math.max(limit, fusion.semanticDepth()), fusion, limit)
        : mode == SearchMode.LEXICAL || vector.isEmpty() ? new RetrievalPlan.Lexical(lexical, filters, limit)
        // Every paper near in meaning counts: a paper can be like another in other words.
        : new RetrievalPlan.Hybrid(lexical, Math.max(limit, fusion.lexicalDepth()), vector, filters, exclude,
            Math.max(limit, fusion.semanticDepth()), fusion, RetrievalPlan.MeaningOnly.ALL, limit);
    List<Retrieval.Ranked> top = kernel.retriever().rank(spread, plan).ranked();
    // Ranking only: the id is all the evaluation needs, read for all hits at once.
    String[] ids = words == null ? PaperIds.of(searcher.getIndexReader(), top.stream().mapToInt(Retrieval.Ranked::doc)
        .toArray()) : null;
    List<SimilarHit> out = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      Retrieval.Ranked r = top.get(i);
      String matchedBy = r.matchedBy(mode);
      Float similarity = r.similarity().orElse(null);
      if (ids != null) {
        out.add(new SimilarHit(ids[i], "", List.of(), null, "", List.of(), r.score(), List.of(), "", matchedBy,
            similarity));
        continue;
      }
      Paper p = RecordJson.paper(searcher.storedFields().document(r.doc()).get(Fields.RECORD));
      out.add(hit(p, r, mode, queryTerms, words));
    }
    return out;
  }

  /**
   * One hit as the API shows it: the paper, its score, the query's telling words it shares
   * ({@code queryTerms}, spelled as {@code words} learnt them), and why it is there.
   */
  public static SimilarHit hit(Paper p, Retrieval.Ranked r, SearchMode mode, Map<String, Float> queryTerms,
      SurfaceForms words) {
    boolean byWords = r.fusion().map(RankFusion.Fused::lexical).orElse(true);
    List<String> shared = byWords ? shared(p, queryTerms, words) : List.of();
    return new SimilarHit(p.id(), p.title(), dev.scholarsearch.model.AuthorLink.of(p.authors()),
        p.knownYear(), p.venue(), p.categories(), r.score(), shared, reason(r, byWords, shared), r.matchedBy(mode),
        r.similarity().orElse(null));
  }

  /** Checks what both engines refuse alike: a limit out of range, a text empty or too long. */
  public static void checkText(String text, int limit) {
    checkLimit(limit);
    if (text == null || text.isBlank()) {
      throw InvalidRequestException.badParameter("text must not be empty");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw InvalidRequestException.badParameter("text must be at most " + MAX_TEXT_CHARS + " characters, got " + text.length());
    }
  }

  /** A one-line "why" for people: the shared words, the semantic similarity, or both. */
  private static String reason(Retrieval.Ranked r, boolean byWords, List<String> shared) {
    String words = byWords ? (shared.isEmpty() ? "similar wording" : "shares " + String.join(", ", shared)) : "";
    String meaning = r.fusion().filter(f -> f.semantic() && (f.close() || !f.lexical()))
        .map(f -> String.format(java.util.Locale.ROOT, "close in meaning (similarity %.2f)", f.similarity())).orElse("");
    return words.isEmpty() ? meaning : meaning.isEmpty() ? words : words + "; " + meaning;
  }

  /** The paper's stored embedding, or null when it has none. */
  private static Optional<float[]> storedVector(LiveIndex.Snapshot searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    if (values == null) {
      return Optional.empty();
    }
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
      return Optional.empty();
    }
    return Optional.of(values.vectorValue(it.index()).clone());
  }

  /**
   * The query's telling words that {@code p} has too, best first, as people write them. Counted from
   * the paper's text, parsed for the hit anyway: the index keeps no term vectors.
   */
  private static List<String> shared(Paper p, Map<String, Float> queryTerms, SurfaceForms words) {
    Set<String> present = WordCounts.of(p).keySet();
    List<String> out = new ArrayList<>();
    for (String t : queryTerms.keySet()) {
      if (present.contains(t) && ContentWords.isContent(t) && out.size() < SHARED_WORDS) {
        out.add(words.word(t));
      }
    }
    return out;
  }
}
