package dev.scholarsearch.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An identifier a paper or a person has in one of the big open sources, normalised so that the
 * same id written two ways ({@code https://doi.org/10.1/X} and {@code 10.1/x}) is equal.
 *
 * @param kind which source's id it is
 * @param value the bare id: {@code 10.7717/peerj.4375}, {@code 2102.11388}, {@code W2741809807},
 *     {@code 0000-0002-1825-0097}
 */
public record Identifier(Kind kind, String value) implements Comparable<Identifier> {

  /** The kinds of identifier, each with its label in keys and where its page is. */
  public enum Kind {
    DOI("doi", "https://doi.org/"),
    ARXIV("arxiv", "https://arxiv.org/abs/"),
    OPENALEX("openalex", "https://openalex.org/"),
    /** A Semantic Scholar paper id (40 hex digits) or author id (digits), or {@code CorpusId:N}. */
    SEMANTIC_SCHOLAR("s2", null),
    ORCID("orcid", "https://orcid.org/"),
    /** The author {@code id} of our own JSONL: meaningful only within the user's own data, so no page. */
    LOCAL("id", null);

    private final String label;
    private final String urlPrefix;

    Kind(String label, String urlPrefix) {
      this.label = label;
      this.urlPrefix = urlPrefix;
    }

    public String label() {
      return label;
    }
  }

  private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
  private static final Pattern ARXIV = Pattern.compile(
      "(?i)(?:arxiv:|arxiv\\.org/(?:abs|pdf)/)?\\s*(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?");
  private static final Pattern OPENALEX = Pattern.compile("(?i)(?:https?://(?:api\\.)?openalex\\.org/(?:works/|authors/)?)?([WA]\\d+)");
  private static final Pattern ORCID = Pattern.compile("(?i)(?:https?://orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");
  private static final Pattern S2 = Pattern.compile("(?i)([0-9a-f]{40}|\\d{1,12}|corpusid:\\d{1,12})");

  public Identifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException(kind.label + " id is empty");
    }
  }

  /** {@code raw} as an identifier of {@code kind}, or empty when it is blank or not shaped like one. */
  public static Optional<Identifier> parse(Kind kind, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.strip();
    String value = switch (kind) {
      case DOI -> whole(DOI, s.replaceFirst("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", ""))
          .map(v -> v.toLowerCase(Locale.ROOT).replaceAll("[.,;]+$", "")).orElse(null);
      case ARXIV -> whole(ARXIV, s.replaceFirst("(?i)^https?://(?:www\\.)?", "")).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
      case OPENALEX -> whole(OPENALEX, s).map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
      case ORCID -> whole(ORCID, s).map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
      case SEMANTIC_SCHOLAR -> whole(S2, s.replaceFirst("(?i)^https?://(?:www\\.)?semanticscholar\\.org/(?:paper|author)/(?:[^/]*/)?", ""))
          .map(v -> v.toLowerCase(Locale.ROOT).startsWith("corpusid:") ? "CorpusId:" + v.substring(9) : v.toLowerCase(Locale.ROOT))
          .orElse(null);
      case LOCAL -> s;
    };
    return value == null ? Optional.empty() : Optional.of(new Identifier(kind, value));
  }

  /** "arXiv:2102.11388", "arXiv preprint arXiv:hep-th/9901001", an arxiv.org/abs or /pdf link. */
  private static final Pattern ARXIV_MENTION = Pattern.compile(
      "(?i)(?:arxiv[:\\s]+|arxiv\\.org/(?:abs|pdf)/)(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z-]+(?:\\.[a-z]{2})?/\\d{7}(?:v\\d+)?)");

  /**
   * The arXiv id mentioned in free text (a journal field, a note, a URL), or empty: BibTeX, RIS and
   * OpenAlex locations all name preprints this way.
   */
  public static Optional<Identifier> findArxiv(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = ARXIV_MENTION.matcher(text);
    return m.find() ? parse(Kind.ARXIV, m.group(1)) : Optional.empty();
  }

  /** The first group when the pattern matches all of {@code s}. */
  private static Optional<String> whole(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** {@code doi:10.7717/peerj.4375}: the form identifiers are compared and indexed by. */
  public String key() {
    return kind.label + ":" + value;
  }

  /** The page of this id on its source, or "" when it has none (our own ids). */
  public String url(boolean person) {
    if (kind == Kind.SEMANTIC_SCHOLAR) {
      if (value.startsWith("CorpusId:")) {
        return "https://api.semanticscholar.org/" + value;
      }
      return "https://www.semanticscholar.org/" + (person ? "author/" : "paper/") + value;
    }
    return kind.urlPrefix == null ? "" : kind.urlPrefix + value;
  }

  /** The identifier as the API shows it: its kind, its value, and its page ("" when it has none). */
  public record Link(String kind, String id, String url) {}

  /** This identifier with the page of a person ({@code person}) or of a paper. */
  public Link link(boolean person) {
    return new Link(kind.label, value, url(person));
  }

  @Override
  public int compareTo(Identifier o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return key();
  }
}
