package dev.scholarsearch.ingest;

import static dev.scholarsearch.ingest.JsonFields.addId;
import static dev.scholarsearch.ingest.JsonFields.date;
import static dev.scholarsearch.ingest.JsonFields.optionalText;
import static dev.scholarsearch.ingest.JsonFields.requiredText;
import static dev.scholarsearch.ingest.JsonFields.stringArray;
import static dev.scholarsearch.ingest.JsonFields.titleOrLead;
import static dev.scholarsearch.ingest.JsonFields.year;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one JSON paper record into a listing, whichever shape it has. The shape is told from the
 * record's own fields, so one file may mix them:
 *
 * <ul>
 *   <li>OpenAlex works ({@code authorships}, {@code abstract_inverted_index}, an openalex.org id): {@link OpenAlexWork};
 *   <li>Semantic Scholar papers ({@code paperId}, {@code corpusid}, {@code externalIds}): {@link SemanticScholarPaper};
 *   <li>BEIR ({@code _id,title,text});
 *   <li>the arXiv metadata snapshot ({@code authors} and {@code categories} as strings, {@code update_date});
 *   <li>ours ({@code id,title,abstract,authors[],year,venue,categories[],url}; authors as names or as
 *       {@code {"name","id","orcid"}} objects; optional {@code doi}, {@code arxiv}, {@code keywords[]}).
 * </ul>
 *
 * An API page ({@code {"results":[...]}} from OpenAlex, {@code {"data":[...]}} from Semantic
 * Scholar) is its records, each read on its own: a bad one is skipped and the rest kept.
 */
final class JsonRecords {
  private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*(?:,|\\band\\b)\\s*");

  private JsonRecords() {}

  /** What one JSON value gave: its papers, what was skipped in it, and what was wrong but kept. */
  record Parsed(List<Listing> listings, List<String> skipped, List<String> warnings) {
    Parsed {
      listings = List.copyOf(listings);
      skipped = List.copyOf(skipped);
      warnings = List.copyOf(warnings);
    }
  }

  /** Reads {@code node}; {@code source} names it in the listings (file:line). Never throws for bad data. */
  static Parsed parse(String source, JsonNode node) {
    List<Listing> listings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonNode page = apiPage(node);
    if (page != null) {
      for (int i = 0; i < page.size(); i++) {
        String where = "results[" + i + "]";
        List<String> w = new ArrayList<>();
        try {
          listings.add(one(source + "#" + i, page.get(i), w, node.has("results") ? Shape.OPENALEX : Shape.SEMANTIC_SCHOLAR));
          w.forEach(x -> warnings.add(where + ": " + x));
        } catch (InvalidInputException e) {
          skipped.add(where + ": " + e.getMessage());
        }
      }
      return new Parsed(listings, skipped, warnings);
    }
    try {
      listings.add(one(source, node, warnings, null));
    } catch (InvalidInputException e) {
      skipped.add(e.getMessage());
      warnings.clear();
    }
    return new Parsed(listings, skipped, warnings);
  }

  /** The array of records when {@code node} is an API page of them, else null. */
  private static JsonNode apiPage(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String f : new String[] {"results", "data"}) {
      JsonNode v = node.get(f);
      if (v != null && v.isArray() && !node.has("title") && !node.has("id")) {
        return v;
      }
    }
    return null;
  }

  /** The shape every record of an API page has: the page says whose API it came from. */
  private enum Shape { OPENALEX, SEMANTIC_SCHOLAR }

  private static Listing one(String source, JsonNode n, List<String> warnings, Shape page) throws InvalidInputException {
    if (n == null || !n.isObject()) {
      throw new InvalidInputException("not a JSON object");
    }
    if (page == Shape.OPENALEX) {
      return OpenAlexWork.parse(source, n, warnings);
    }
    if (page == Shape.SEMANTIC_SCHOLAR) {
      return SemanticScholarPaper.parse(source, n, warnings);
    }
    if (n.has("_id")) {
      return beir(source, n);
    }
    if (OpenAlexWork.looksLikeOne(n)) {
      return OpenAlexWork.parse(source, n, warnings);
    }
    if (SemanticScholarPaper.looksLikeOne(n)) {
      return SemanticScholarPaper.parse(source, n, warnings);
    }
    if (n.has("update_date") || n.path("authors").isTextual() || n.path("categories").isTextual()) {
      return arxiv(source, n);
    }
    return ours(source, n, warnings);
  }

  private static Listing ours(String source, JsonNode n, List<String> warnings) throws InvalidInputException {
    String id = requiredText(n, "id");
    if (!n.hasNonNull("title")) {
      throw new InvalidInputException("missing required field 'title'");
    }
    String rawAbstract = optionalText(n, "abstract");
    String title = titleOrLead(id, optionalText(n, "title"), rawAbstract);
    List<Author> authors = ourAuthors(n.get("authors"), warnings);
    List<String> categories = stringArray(n, "categories");
    int year = year(n.get("year"), "year");
    LocalDate date = date(optionalText(n, "date"));
    boolean hasCode = n.path("hasCode").asBoolean(false);
    List<Identifier> ids = new ArrayList<>();
    addId(ids, Identifier.Kind.DOI, optionalText(n, "doi"));
    addId(ids, Identifier.Kind.ARXIV, optionalText(n, n.has("arxiv") ? "arxiv" : "arxivId"));
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        authors, false, "", year, date, categories, optionalText(n, "venue"),
        optionalText(n, "type"), hasCode, null, optionalText(n, "url"), ids, stringArray(n, "keywords"));
  }

  /** Authors as names or as {@code {"name","id","orcid"}} objects; one with no name is left out and warned about. */
  private static List<Author> ourAuthors(JsonNode v, List<String> warnings) throws InvalidInputException {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidInputException("field 'authors' must be an array of names or author objects, got " + v.getNodeType());
    }
    List<Author> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (e.isTextual()) {
        String name = TextKeys.displayName(e.asText());
        if (!name.isEmpty()) {
          out.add(new Author(name, List.of()));
        }
      } else if (e.isObject()) {
        String name = TextKeys.displayName(optionalText(e, "name"));
        List<Identifier> ids = new ArrayList<>();
        addId(ids, Identifier.Kind.LOCAL, optionalText(e, "id"));
        addId(ids, Identifier.Kind.ORCID, optionalText(e, "orcid"));
        String orcid = optionalText(e, "orcid");
        if (!orcid.isBlank() && Identifier.parse(Identifier.Kind.ORCID, orcid).isEmpty()) {
          warnings.add("author " + (i + 1) + ": '" + ProfilePageParser.abbreviate(orcid) + "' is not an ORCID; ignored");
        }
        addId(ids, Identifier.Kind.OPENALEX, optionalText(e, "openalex"));
        JsonFields.addAuthor(out, name, ids, "author " + (i + 1), warnings);
      } else if (!e.isNull()) {
        throw new InvalidInputException("field 'authors' must hold names or author objects, found " + e.getNodeType());
      }
    }
    return out;
  }

  private static Listing beir(String source, JsonNode n) throws InvalidInputException {
    String id = requiredText(n, "_id");
    String text = optionalText(n, "text");
    String title = titleOrLead(id, optionalText(n, "title"), text);
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(text), text,
        List.of(), false, "", 0, null, List.of(), "", "", false, null, "", List.of(), List.of());
  }

  private static Listing arxiv(String source, JsonNode n) throws InvalidInputException {
    String id = requiredText(n, "id");
    String title = requiredText(n, "title");
    String rawAbstract = optionalText(n, "abstract").strip();
    List<String> authors = new ArrayList<>();
    JsonNode a = n.get("authors");
    if (a != null && a.isTextual()) {
      for (String s : AUTHOR_SPLIT.split(a.asText().replaceAll("\\s+", " "))) {
        if (!s.isBlank()) {
          authors.add(s.strip());
        }
      }
    } else {
      authors.addAll(stringArray(n, "authors"));
    }
    List<String> categories = new ArrayList<>();
    JsonNode c = n.get("categories");
    if (c != null && c.isTextual()) {
      for (String s : c.asText().trim().split("\\s+")) {
        if (!s.isEmpty()) {
          categories.add(s);
        }
      }
    } else {
      categories.addAll(stringArray(n, "categories"));
    }
    LocalDate date = date(optionalText(n, "update_date"));
    String venue = optionalText(n, "journal-ref");
    List<Identifier> ids = new ArrayList<>();
    addId(ids, Identifier.Kind.ARXIV, id);
    addId(ids, Identifier.Kind.DOI, optionalText(n, "doi"));
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        Author.named(displayNames(authors)), false, "", date == null ? 0 : date.getYear(), date, categories,
        venue.isBlank() ? "arXiv" : venue, "preprint", false, null, "https://arxiv.org/abs/" + id, ids, List.of());
  }

  static List<String> displayNames(List<String> names) {
    return names.stream().map(TextKeys::displayName).filter(s -> !s.isEmpty()).toList();
  }
}
