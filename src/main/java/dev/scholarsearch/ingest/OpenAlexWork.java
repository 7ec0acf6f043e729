package dev.scholarsearch.ingest;

import static dev.scholarsearch.ingest.JsonFields.addId;
import static dev.scholarsearch.ingest.JsonFields.textAt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenAlex work, as its snapshot (one per line) and its API ({@code /works}) give it: ids from
 * {@code id}, {@code doi} and {@code ids}, and an arXiv id from any location on arxiv.org; the
 * abstract rebuilt from {@code abstract_inverted_index}; authors from {@code authorships[].author}
 * with their OpenAlex id and ORCID; the venue from {@code primary_location.source}; categories from
 * {@code primary_topic} and {@code topics}, or {@code concepts} in older records.
 */
final class OpenAlexWork {
  /** An abstract longer than this many words is no abstract: rebuilding it would only take memory. */
  static final int MAX_ABSTRACT_WORDS = 20_000;
  /** Older records' concepts come scored; below this they are guesses, not the paper's subject. */
  static final double MIN_CONCEPT_SCORE = 0.3;

  private OpenAlexWork() {}

  static boolean looksLikeOne(JsonNode n) {
    return n.has("authorships") || n.has("abstract_inverted_index")
        || n.path("id").asText("").startsWith("https://openalex.org/W");
  }

  static Listing parse(String source, JsonNode n, List<String> warnings) throws InvalidInputException {
    List<Identifier> ids = new ArrayList<>();
    addId(ids, Identifier.Kind.OPENALEX, textAt(n, "id"));
    addId(ids, Identifier.Kind.OPENALEX, textAt(n, "ids", "openalex"));
    addId(ids, Identifier.Kind.DOI, textAt(n, "doi"));
    addId(ids, Identifier.Kind.DOI, textAt(n, "ids", "doi"));
    for (JsonNode loc : locations(n)) {
      for (String f : new String[] {"landing_page_url", "pdf_url"}) {
        Identifier.findArxiv(textAt(loc, f)).ifPresent(ids::add);
      }
    }
    String externalId = ids.stream().filter(i -> i.kind() == Identifier.Kind.OPENALEX).map(Identifier::value)
        .findFirst().orElse("");
    if (externalId.isEmpty()) {
      throw new InvalidInputException("OpenAlex work has no OpenAlex id in 'id' (like https://openalex.org/W2741809807)");
    }
    String rawAbstract = abstractText(n.get("abstract_inverted_index"), warnings);
    String title = textAt(n, "title");
    if (title.isEmpty()) {
      title = textAt(n, "display_name");
    }
    title = JsonFields.titleOrLead(externalId, title, rawAbstract);
    LocalDate date = JsonFields.date(textAt(n, "publication_date"));
    int year = date != null ? date.getYear() : JsonFields.year(n.get("publication_year"), "publication_year");
    String venue = textAt(n, "primary_location", "source", "display_name");
    if (venue.isEmpty()) {
      venue = textAt(n, "host_venue", "display_name"); // records from before locations
    }
    String url = textAt(n, "primary_location", "landing_page_url");
    return new Listing(source, externalId, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        authors(n.get("authorships"), warnings), false, "", year, date, categories(n), venue, textAt(n, "type"),
        false, null, url, ids, List.of());
  }

  private static List<JsonNode> locations(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    out.add(n.path("primary_location"));
    out.add(n.path("best_oa_location"));
    n.path("locations").forEach(out::add);
    return out;
  }

  /**
   * The abstract from its inverted index (word → positions). An index with a position given twice,
   * or with positions missing, would rebuild into a garbled text, which would then be searched and
   * shown as the paper's: it is left out with a warning, and the paper kept.
   */
  static String abstractText(JsonNode index, List<String> warnings) {
    if (index == null || index.isNull()) {
      return "";
    }
    if (!index.isObject()) {
      warnings.add("abstract_inverted_index is not an object; the abstract is left out");
      return "";
    }
    Map<Integer, String> byPosition = new java.util.HashMap<>();
    Set<Integer> duplicates = new TreeSet<>();
    int words = 0;
    for (Map.Entry<String, JsonNode> e : index.properties()) {
      if (!e.getValue().isArray()) {
        warnings.add("abstract_inverted_index: the positions of '" + ProfilePageParser.abbreviate(e.getKey())
            + "' are not a list; the abstract is left out");
        return "";
      }
      for (JsonNode p : e.getValue()) {
        if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 0 || p.asInt() >= MAX_ABSTRACT_WORDS) {
          warnings.add("abstract_inverted_index: '" + ProfilePageParser.abbreviate(e.getKey()) + "' has position "
              + ProfilePageParser.abbreviate(p.toString()) + ", not a word position; the abstract is left out");
          return "";
        }
        if (byPosition.putIfAbsent(p.asInt(), e.getKey()) != null) {
          duplicates.add(p.asInt());
        }
        words++;
      }
    }
    if (!duplicates.isEmpty()) {
      warnings.add("abstract_inverted_index gives two words at position " + positions(duplicates)
          + "; the abstract is left out");
      return "";
    }
    int length = byPosition.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    if (length != words) {
      Set<Integer> holes = new TreeSet<>();
      for (int i = 0; i < length && holes.size() < 4; i++) {
        if (!byPosition.containsKey(i)) {
          holes.add(i);
        }
      }
      warnings.add("abstract_inverted_index has no word at position " + positions(holes) + " (" + (length - words)
          + " of " + length + " missing); the abstract is left out");
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(byPosition.get(i));
    }
    return sb.toString();
  }

  private static String positions(Set<Integer> ps) {
    return ps.stream().limit(3).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
        + (ps.size() > 3 ? ", …" : "");
  }

  private static List<Author> authors(JsonNode authorships, List<String> warnings) throws InvalidInputException {
    if (authorships == null || authorships.isNull()) {
      return List.of();
    }
    if (!authorships.isArray()) {
      throw new InvalidInputException("field 'authorships' must be an array, got " + authorships.getNodeType());
    }
    List<Author> out = new ArrayList<>();
    for (int i = 0; i < authorships.size(); i++) {
      JsonNode a = authorships.get(i);
      JsonNode author = a.path("author");
      String name = TextKeys.displayName(textAt(author, "display_name"));
      if (name.isEmpty()) {
        name = TextKeys.displayName(textAt(a, "raw_author_name"));
      }
      List<Identifier> ids = new ArrayList<>();
      addId(ids, Identifier.Kind.OPENALEX, textAt(author, "id"));
      addId(ids, Identifier.Kind.ORCID, textAt(author, "orcid"));
      JsonFields.addAuthor(out, name, ids, "authorships[" + i + "]", warnings);
    }
    return out;
  }

  /** The primary topic and the other topics, or in older records the concepts scored high enough. */
  private static List<String> categories(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    String primary = textAt(n, "primary_topic", "display_name");
    if (!primary.isEmpty()) {
      out.add(primary);
    }
    n.path("topics").forEach(t -> {
      if (!textAt(t, "display_name").isEmpty()) {
        out.add(textAt(t, "display_name"));
      }
    });
    if (out.isEmpty()) {
      n.path("concepts").forEach(c -> {
        if (!textAt(c, "display_name").isEmpty() && c.path("score").asDouble(1) >= MIN_CONCEPT_SCORE) {
          out.add(textAt(c, "display_name"));
        }
      });
    }
    return List.copyOf(out);
  }
}
