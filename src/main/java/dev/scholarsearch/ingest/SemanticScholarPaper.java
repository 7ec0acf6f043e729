package dev.scholarsearch.ingest;

import static dev.scholarsearch.ingest.JsonFields.addId;
import static dev.scholarsearch.ingest.JsonFields.either;
import static dev.scholarsearch.ingest.JsonFields.textAt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Semantic Scholar paper: an API paper object ({@code paperId}, {@code externalIds},
 * {@code fieldsOfStudy}, {@code s2FieldsOfStudy}, {@code publicationDate}) or a row of the Academic
 * Graph's {@code papers} dataset, which spells the same fields in lower case ({@code corpusid},
 * {@code externalids}, {@code s2fieldsofstudy}) and carries no abstract.
 */
final class SemanticScholarPaper {
  private SemanticScholarPaper() {}

  static boolean looksLikeOne(JsonNode n) {
    return n.has("paperId") || n.has("corpusid") || n.has("corpusId") || n.has("externalIds") || n.has("externalids");
  }

  static Listing parse(String source, JsonNode n, List<String> warnings) throws InvalidInputException {
    JsonNode external = either(n, "externalIds", "externalids");
    List<Identifier> ids = new ArrayList<>();
    String paperId = textAt(n, "paperId");
    String corpusId = textAt(either(n, "corpusId", "corpusid"));
    if (corpusId.isEmpty()) {
      corpusId = textAt(external, "CorpusId");
    }
    addId(ids, Identifier.Kind.SEMANTIC_SCHOLAR, paperId.isEmpty() && !corpusId.isEmpty() ? "CorpusId:" + corpusId : paperId);
    addId(ids, Identifier.Kind.DOI, textAt(external, "DOI"));
    addId(ids, Identifier.Kind.ARXIV, textAt(external, "ArXiv"));
    String externalId = !paperId.isEmpty() ? paperId : corpusId.isEmpty() ? "" : "CorpusId:" + corpusId;
    if (externalId.isEmpty()) {
      throw new InvalidInputException("Semantic Scholar paper has neither 'paperId' nor 'corpusid'");
    }
    String rawAbstract = textAt(n, "abstract");
    String title = JsonFields.titleOrLead(externalId, textAt(n, "title"), rawAbstract);
    LocalDate date = JsonFields.date(textAt(either(n, "publicationDate", "publicationdate")));
    int year = date != null ? date.getYear() : JsonFields.year(n.get("year"), "year");
    String venue = textAt(n, "venue");
    if (venue.isEmpty()) {
      venue = textAt(n, "journal", "name");
    }
    JsonNode types = either(n, "publicationTypes", "publicationtypes");
    String type = types.isArray() && !types.isEmpty() ? types.get(0).asText("") : "";
    String url = textAt(n, "url");
    return new Listing(source, externalId, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        authors(n.get("authors"), warnings), false, "", year, date, fields(n), venue, type, false, null, url, ids,
        List.of());
  }

  private static List<Author> authors(JsonNode authors, List<String> warnings) throws InvalidInputException {
    if (authors == null || authors.isNull()) {
      return List.of();
    }
    if (!authors.isArray()) {
      throw new InvalidInputException("field 'authors' must be an array, got " + authors.getNodeType());
    }
    List<Author> out = new ArrayList<>();
    for (int i = 0; i < authors.size(); i++) {
      JsonNode a = authors.get(i);
      String name = TextKeys.displayName(a.isTextual() ? a.asText() : textAt(a, "name"));
      List<Identifier> ids = new ArrayList<>();
      addId(ids, Identifier.Kind.SEMANTIC_SCHOLAR, textAt(either(a, "authorId", "authorid")));
      JsonFields.addAuthor(out, name, ids, "authors[" + i + "]", warnings);
    }
    return out;
  }

  /** {@code fieldsOfStudy} (often null) and the categories of {@code s2FieldsOfStudy}, each once. */
  private static List<String> fields(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    either(n, "fieldsOfStudy", "fieldsofstudy").forEach(f -> {
      if (f.isTextual() && !f.asText().isBlank()) {
        out.add(f.asText().strip());
      }
    });
    either(n, "s2FieldsOfStudy", "s2fieldsofstudy").forEach(f -> {
      if (!textAt(f, "category").isEmpty()) {
        out.add(textAt(f, "category"));
      }
    });
    return List.copyOf(out);
  }
}
