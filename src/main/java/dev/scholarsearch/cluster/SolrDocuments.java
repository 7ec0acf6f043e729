package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scholarsearch.index.ContentHash;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.util.HexFormat;
import java.util.Map;

/**
 * Model records as Solr documents, with the local index's field names ({@link Fields}) and the
 * same values; the schema ({@code solr/schema.xml}) analyses them as the local analyzers do. The
 * only place that knows both the records and the cluster's documents.
 */
public final class SolrDocuments {
  /** Solr's unique key: the kind and the id, so a paper and a researcher of the same id do not collide. */
  static final String KEY = "key";

  static String key(String kind, String id) {
    return kind + ":" + id;
  }

  /** The id of the document that holds the collection's manifest. */
  public static final String MANIFEST_ID = "_manifest";
  static final String KIND_MANIFEST = "manifest";

  private SolrDocuments() {}

  /** The content hash a paper's document carries: what an update compares to keep it or replace it. */
  public static String paperHash(Paper p, String vectorModel) {
    return hex(ContentHash.ofPaperRecord(RecordJson.write(p), vectorModel).bytes);
  }

  /** The content hash of a researcher's document. */
  public static String researcherHash(Researcher r) {
    return hex(ContentHash.ofResearcherRecord(RecordJson.write(r)).bytes);
  }

  /** A paper, with its vector when {@code vector} is not null. */
  public static ObjectNode paper(Paper p, float[] vector, String vectorModel) {
    String record = RecordJson.write(p);
    ObjectNode d = SolrHttp.MAPPER.createObjectNode();
    d.put(KEY, key(Fields.KIND_PAPER, p.id()));
    d.put(Fields.ID, p.id());
    d.put(Fields.KIND, Fields.KIND_PAPER);
    d.put(Fields.CONTENT_HASH, hex(ContentHash.ofPaperRecord(record, vector == null ? "" : vectorModel).bytes));
    d.put(Fields.TITLE, p.title());
    d.put(Fields.ABSTRACT, p.abstractText());
    d.put(Fields.TITLE_EXACT, p.title());
    d.put(Fields.ABSTRACT + "_exact", p.abstractText());
    // Two values, title then abstract: the schema's position gap keeps phrases from spanning them.
    d.putArray(Fields.TEXT).add(p.title()).add(p.abstractText());
    d.putArray(Fields.TEXT_EXACT).add(p.title()).add(p.abstractText());
    ArrayNode authorText = d.putArray(Fields.AUTHOR_TEXT);
    ArrayNode authors = d.putArray(Fields.AUTHOR);
    ArrayNode ids = d.putArray(Fields.AUTHOR_ID);
    for (Authorship a : p.authors()) {
      authorText.add(a.name());
      authors.add(a.name());
      ids.add(a.researcherId());
    }
    ArrayNode categories = d.putArray(Fields.CATEGORY);
    p.categories().forEach(categories::add);
    if (!p.venue().isEmpty()) {
      d.put(Fields.VENUE, p.venue());
    }
    if (!p.type().isEmpty()) {
      d.put(Fields.TYPE, p.type());
    }
    if (p.year() > 0) {
      d.put(Fields.YEAR, p.year());
    }
    d.put(Fields.DATE_SORT, p.sortDay());
    d.put(Fields.HAS_CODE, Boolean.toString(p.hasCode()));
    ArrayNode sources = d.putArray(Fields.SOURCE);
    p.sources().forEach(sources::add);
    if (vector != null) {
      ArrayNode v = d.putArray(Fields.VECTOR);
      for (float x : vector) {
        v.add(x);
      }
    }
    d.put(Fields.RECORD, record);
    return d;
  }

  /** A researcher: identity and stats; what they work on is read from their papers. */
  public static ObjectNode researcher(Researcher r) {
    String record = RecordJson.write(r);
    ObjectNode d = SolrHttp.MAPPER.createObjectNode();
    d.put(KEY, key(Fields.KIND_RESEARCHER, r.id()));
    d.put(Fields.ID, r.id());
    d.put(Fields.KIND, Fields.KIND_RESEARCHER);
    d.put(Fields.CONTENT_HASH, hex(ContentHash.ofResearcherRecord(record).bytes));
    d.put(Fields.NAME, r.name());
    d.put(Fields.NAME_KEY, r.nameKey());
    d.put(Fields.HAS_PROFILE, Boolean.toString(r.hasProfile()));
    d.put(Fields.PAPER_COUNT, r.paperIds().size());
    d.put(Fields.RECORD, record);
    return d;
  }

  /**
   * The manifest, as the local index keeps it in its commit, plus what the cluster cannot tell
   * cheaply: the combined field's mean length, which sets the ranking's bonuses.
   */
  public static ObjectNode manifest(IndexManifest m, double averageTextLength) {
    ObjectNode record = SolrHttp.MAPPER.createObjectNode();
    for (Map.Entry<String, String> e : m.toUserData().entrySet()) {
      record.put(e.getKey(), e.getValue());
    }
    record.put("averageTextLength", Double.toString(averageTextLength));
    ObjectNode d = SolrHttp.MAPPER.createObjectNode();
    d.put(KEY, key(KIND_MANIFEST, MANIFEST_ID));
    d.put(Fields.ID, MANIFEST_ID);
    d.put(Fields.KIND, KIND_MANIFEST);
    d.put(Fields.RECORD, record.toString());
    return d;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
