package dev.scholarsearch.index;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Turns model records into Lucene documents (with facets); the only place that knows both. */
public final class DocumentBuilder {
  /** The title: positions for phrases and the proximity bonus, stored for type-ahead and evidence. */
  static final FieldType TITLE_TEXT = new FieldType(TextField.TYPE_STORED);
  /**
   * Searched text (combined, exact): positions for phrases, nothing stored (the record holds the
   * text). No offsets and no term vectors: highlighting, similar papers and feedback analyse the
   * record's text again, for the few papers they look at.
   */
  static final FieldType SEARCH_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    TITLE_TEXT.freeze();
    SEARCH_TEXT.freeze();
  }

  private final FacetsConfig facets = Fields.facetsConfig();

  /**
   * The paper document, facets built, with its embedding when {@code vector} is not null (from
   * {@code vectorModel}, "" for none), and its {@link ContentHash}, taken from the same record JSON
   * the document stores, so the record is written once.
   */
  public Document paper(Paper p, float[] vector, String vectorModel) throws IOException {
    String record = RecordJson.write(p);
    Document d = new Document();
    d.add(new StringField(Fields.CONTENT_HASH, ContentHash.ofPaperRecord(record, vectorModel), Field.Store.NO));
    if (vector != null) {
      d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    d.add(new StringField(Fields.KIND, Fields.KIND_PAPER, Field.Store.NO));
    d.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ID_VALUES, new BytesRef(p.id()))); // rankings read a thousand ids (PaperIds)
    d.add(new Field(Fields.TITLE, p.title(), TITLE_TEXT));
    d.add(new Field(Fields.TITLE_EXACT, p.title(), SEARCH_TEXT));
    // Two values each, the title first: the analyzer pads it, so the abstract starts at ABSTRACT_START.
    for (String field : new String[] {Fields.TEXT, Fields.TEXT_EXACT}) {
      d.add(new Field(field, p.title(), SEARCH_TEXT));
      d.add(new Field(field, p.abstractText(), SEARCH_TEXT));
    }
    for (Authorship a : p.authors()) {
      d.add(new TextField(Fields.AUTHOR_TEXT, a.name(), Field.Store.NO));
      d.add(new StringField(Fields.AUTHOR, a.name(), Field.Store.NO));
      d.add(new KeywordField(Fields.AUTHOR_ID, a.researcherId(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_AUTHOR, a.name()));
    }
    for (String c : p.categories()) {
      d.add(new StringField(Fields.CATEGORY, c, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_CATEGORY, c));
    }
    if (!p.venue().isEmpty()) {
      d.add(new StringField(Fields.VENUE, p.venue(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_VENUE, p.venue()));
    }
    if (!p.type().isEmpty()) {
      d.add(new StringField(Fields.TYPE, p.type(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_TYPE, p.type()));
    }
    if (p.year() > 0) {
      d.add(new IntPoint(Fields.YEAR, p.year()));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_YEAR, Integer.toString(p.year())));
    }
    d.add(new NumericDocValuesField(Fields.DATE_SORT, p.sortDay()));
    d.add(new StringField(Fields.HAS_CODE, Boolean.toString(p.hasCode()), Field.Store.NO));
    for (String s : p.sources()) {
      d.add(new StringField(Fields.SOURCE, s, Field.Store.NO));
    }
    d.add(new StoredField(Fields.RECORD, record));
    return facets.build(d);
  }

  /**
   * The researcher document: identity and stats, with its {@link ContentHash}, from {@code record}
   * ({@link RecordJson#write(Researcher)}), which it stores. What they work on is read from their
   * papers' documents, which expert ranking scores: their titles indexed here again were never read.
   */
  public Document researcher(Researcher r, String record, BytesRef hash) {
    Document d = new Document();
    d.add(new StringField(Fields.CONTENT_HASH, hash, Field.Store.NO));
    d.add(new StringField(Fields.KIND, Fields.KIND_RESEARCHER, Field.Store.NO));
    d.add(new StringField(Fields.ID, r.id(), Field.Store.YES));
    d.add(new TextField(Fields.NAME, r.name(), Field.Store.YES));
    d.add(new StringField(Fields.NAME_KEY, r.nameKey(), Field.Store.NO));
    d.add(new StringField(Fields.HAS_PROFILE, Boolean.toString(r.hasProfile()), Field.Store.NO));
    d.add(new NumericDocValuesField(Fields.PAPER_COUNT, r.paperIds().size()));
    d.add(new StoredField(Fields.RECORD, record));
    return d;
  }
}
