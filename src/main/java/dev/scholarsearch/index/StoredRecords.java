package dev.scholarsearch.index;

import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Papers and researchers looked up by id in an index, and the records stored with them. */
public final class StoredRecords {
  private StoredRecords() {}

  /** The document of the paper with this id. */
  public static OptionalInt paperDoc(IndexSearcher searcher, String id) throws IOException {
    return doc(searcher, Fields.KIND_PAPER, id);
  }

  /** The paper with this id, if the index has it. */
  public static Optional<Paper> paper(IndexSearcher searcher, String id) throws IOException {
    OptionalInt doc = paperDoc(searcher, id);
    return doc.isEmpty() ? Optional.empty() : Optional.of(paperAt(searcher, doc.getAsInt()));
  }

  /** The paper stored in document {@code doc}. */
  public static Paper paperAt(IndexSearcher searcher, int doc) throws IOException {
    return RecordJson.paper(searcher.storedFields().document(doc).get(Fields.RECORD));
  }

  /** The document of the researcher with this id. */
  public static OptionalInt researcherDoc(IndexSearcher searcher, String id) throws IOException {
    return doc(searcher, Fields.KIND_RESEARCHER, id);
  }

  /** The researcher with this id, if the index has them. */
  public static Optional<Researcher> researcher(IndexSearcher searcher, String id) throws IOException {
    OptionalInt doc = researcherDoc(searcher, id);
    return doc.isEmpty() ? Optional.empty()
        : Optional.of(RecordJson.researcher(searcher.storedFields().document(doc.getAsInt()).get(Fields.RECORD)));
  }

  private static OptionalInt doc(IndexSearcher searcher, String kind, String id) throws IOException {
    TopDocs t = searcher.search(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER).build(), 1);
    return t.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(t.scoreDocs[0].doc);
  }
}
