package dev.scholarsearch.index;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Every field name in the index, and why it is indexed the way it is. Papers and researchers
 * share one index (one commit makes a rebuild atomic); {@link #KIND} tells them apart.
 */
public final class Fields {
  /** Bumped whenever the schema changes, so that an index built by older code counts as stale. */
  public static final int SCHEMA_VERSION = 15;

  /** "paper" or "researcher": a StringField every query filters on. */
  public static final String KIND = "kind";
  public static final String KIND_PAPER = "paper";
  public static final String KIND_RESEARCHER = "researcher";

  /** Stable id: StringField for exact lookups and updates, stored to return it. */
  public static final String ID = "id";

  /**
   * A paper's id again, as sorted doc values only, so a ranking a thousand deep reads its ids
   * without decompressing stored blocks ({@link PaperIds}). A field of its own: Lucene keeps one
   * doc-values type per field for the whole index, and an index updated in place still has
   * documents whose {@link #ID} has none.
   */
  public static final String ID_VALUES = "id_values";

  /**
   * Title, English-stemmed, positions for phrases, stored (type-ahead and expert evidence read it
   * without parsing records): the title bonus and {@code title:x}.
   */
  public static final String TITLE = "title";
  /**
   * Title and abstract as one English-stemmed field with positions: free-text queries score here, so
   * a word counts once per paper as BM25 intends (the title field only adds a bonus). It is also the
   * field of the plain BM25 baseline the evaluation compares against. The title is padded to
   * {@link #ABSTRACT_START} positions, so {@code abstract:x} is this field from there on, and the
   * abstract is inverted once stemmed, not once more for a field of its own.
   */
  public static final String TEXT = "text";
  /** Where the abstract starts in {@link #TEXT} and {@link #TEXT_EXACT}: past any real title. */
  public static final int ABSTRACT_START = 256;
  /**
   * Not an index field: the name the highlighter gives the abstract it re-analyses (from the
   * record) to find snippets, as {@link Analyzers#abstractAsIndexed} analyses it. Offsets in the
   * postings, and term vectors, cost a quarter of the index's bytes and time; re-analysing the ten
   * abstracts of a page costs a millisecond.
   */
  public static final String ABSTRACT = "abstract";
  /** Title, unstemmed and without stop-word removal, for exact search. */
  public static final String TITLE_EXACT = "title_exact";
  /** Title and abstract, unstemmed and without stop-word removal, laid out as {@link #TEXT}: exact search. */
  public static final String TEXT_EXACT = "text_exact";

  /** Author names as words (lower-cased, unstemmed), so {@code author:zhu} matches. */
  public static final String AUTHOR_TEXT = "author_text";
  /** Author display names as exact strings: filters and the author facet. */
  public static final String AUTHOR = "author";
  /** Researcher ids of the authors: indexed for exact filters, sorted-set doc values to gather experts from hits fast. */
  public static final String AUTHOR_ID = "author_id";
  /** arXiv-style category codes: exact filter and facet. */
  public static final String CATEGORY = "category";
  /** Venue as an exact string: filter and facet. */
  public static final String VENUE = "venue";
  /** Publication type (preprint, article...): filter and facet. */
  public static final String TYPE = "type";
  /** Year: IntPoint for range filters (only when known, so "-2019" never matches unknown years), and a facet dimension. */
  public static final String YEAR = "year";
  /** Date as epoch day ({@link dev.scholarsearch.model.Paper#sortDay()}): doc values for date sorting. */
  public static final String DATE_SORT = "date_sort";
  /** "true"/"false": the "has code" filter. */
  public static final String HAS_CODE = "has_code";
  /** Source listings (page#item, file:line): exact strings, to find what came from a file. */
  public static final String SOURCE = "source";
  /**
   * {@link ContentHash} of everything the document is built from, as an exact term: an update of the
   * index keeps the documents whose hash the new corpus still produces and deletes the others.
   */
  public static final String CONTENT_HASH = "content_hash";
  /** The whole record as JSON, stored only: one read returns everything the API shows. */
  public static final String RECORD = "record";

  /** Researcher name as words for name search; stored, so type-ahead can be built without parsing records. */
  public static final String NAME = "name";
  /** Normalised name key, exact: matching namesakes and the evaluation's author keys. */
  public static final String NAME_KEY = "name_key";
  /** "true" when a profile page describes the researcher: the {@code scope=profiles} filter. */
  public static final String HAS_PROFILE = "has_profile";
  /** Number of papers: doc values, for normalising expert scores by volume. */
  public static final String PAPER_COUNT = "paper_count";

  /** Facet dimensions, backed by sorted-set doc values in the main index: no taxonomy index to keep in step. */
  public static final String FACET_AUTHOR = "author";
  public static final String FACET_CATEGORY = "category";
  public static final String FACET_YEAR = "year";
  public static final String FACET_VENUE = "venue";
  public static final String FACET_TYPE = "type";
  /** Every facet dimension, in the order search results list them. */
  public static final List<String> FACET_DIMS = List.of(FACET_AUTHOR, FACET_CATEGORY, FACET_YEAR, FACET_VENUE, FACET_TYPE);

  /**
   * The paper's title and abstract as one unit-length embedding (dot product = cosine) in an HNSW
   * graph, for semantic search and semantic neighbours. Absent from indexes built with --no-vectors.
   */
  public static final String VECTOR = "vector";

  private Fields() {}

  /**
   * The doc-values field a facet dimension is kept in. Each dimension has its own: counting one
   * dimension (a filtered one's sideways counts, say) then reads only its values, and not the
   * several author ordinals of every paper; and the small dimensions count without the author
   * dimension's ordinal map of hundreds of thousands of names.
   */
  public static String facetField(String dim) {
    return "$facet_" + dim;
  }

  /** The facet configuration: every dimension is multi-valued (a paper has several authors and categories). */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : FACET_DIMS) {
      config.setMultiValued(dim, true);
      config.setIndexFieldName(dim, facetField(dim));
    }
    return config;
  }
}
