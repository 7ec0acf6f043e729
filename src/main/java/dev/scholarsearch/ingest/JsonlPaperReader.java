package dev.scholarsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.model.Listing;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads papers from JSONL, one per line, in any of three shapes detected per line: ours
 * ({@code id,title,abstract,authors[],year,venue,categories[],url}), BEIR ({@code _id,title,text})
 * and the arXiv metadata snapshot ({@code authors} and {@code categories} as strings,
 * {@code update_date}). A bad line is reported with its number and the rest is read.
 */
public final class JsonlPaperReader {
  /** Longer lines are reported and skipped; no real paper record comes near this. */
  static final int MAX_LINE_CHARS = 1 << 20;
  private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*(?:,|\\band\\b)\\s*");
  /** Text after the object on the same line is a mistake (two records run together, say), not something to drop. */
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Something that went wrong on one line. */
  public record LineError(long line, String reason) {}

  /** What reading one file gave. */
  public record Result(int linesRead, List<LineError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads {@code .jsonl} or {@code .jsonl.gz}, handing each good paper to {@code sink}, in file order
   * and on the calling thread. The lines are parsed on all cores, a batch at a time, while this
   * thread reads on: parsing and cleaning LaTeX was a sixth of indexing the 86k corpus, on one core.
   */
  public Result read(Path file, Consumer<Listing> sink) throws IOException {
    String name = file.getFileName().toString();
    List<LineError> errors = new ArrayList<>();
    int lines = 0;
    Deque<CompletableFuture<List<Object>>> parsing = new ArrayDeque<>();
    int window = 2 * Runtime.getRuntime().availableProcessors(); // batches in flight: bounded memory
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(in,
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), MAX_LINE_CHARS)) {
      List<Line> batch = new ArrayList<>(BATCH);
      String line;
      while ((line = reader.readLine()) != null) {
        long no = reader.lineNumber();
        if (line.isBlank()) {
          continue;
        }
        lines++;
        batch.add(new Line(no, reader.truncated() ? null : line));
        if (batch.size() == BATCH) {
          List<Line> full = batch;
          parsing.add(CompletableFuture.supplyAsync(() -> parse(name, full)));
          batch = new ArrayList<>(BATCH);
          while (parsing.size() > window) {
            deliver(parsing.poll(), sink, errors);
          }
        }
      }
      List<Line> last = batch;
      parsing.add(CompletableFuture.completedFuture(parse(name, last)));
      while (!parsing.isEmpty()) {
        deliver(parsing.poll(), sink, errors);
      }
    }
    return new Result(lines, errors);
  }

  /** Lines parsed a batch at a time: enough to outweigh handing the batch to another thread. */
  private static final int BATCH = 256;

  /** A line and its number; null text for a line cut off at {@link #MAX_LINE_CHARS}. */
  private record Line(long number, String text) {}

  /** Each line's listing, or its {@link LineError}, in order. */
  private List<Object> parse(String name, List<Line> batch) {
    List<Object> out = new ArrayList<>(batch.size());
    for (Line l : batch) {
      if (l.text() == null) {
        out.add(new LineError(l.number(), "line is longer than " + MAX_LINE_CHARS + " characters"));
        continue;
      }
      try {
        out.add(parseLine(name + ":" + l.number(), l.text()));
      } catch (InvalidInputException e) {
        out.add(new LineError(l.number(), e.getMessage()));
      }
    }
    return out;
  }

  private static void deliver(CompletableFuture<List<Object>> batch, Consumer<Listing> sink, List<LineError> errors) {
    List<Object> parsed;
    try {
      parsed = batch.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a bug, thrown as if parsed here
      }
      throw e;
    }
    for (Object o : parsed) {
      if (o instanceof Listing l) {
        sink.accept(l);
      } else {
        errors.add((LineError) o);
      }
    }
  }

  /** Parses one JSON line; {@code source} names it in the listing (file:line). */
  public Listing parseLine(String source, String line) throws InvalidInputException {
    JsonNode node;
    try {
      node = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(notValidJson(e));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("not a JSON object");
    }
    if (node.has("_id")) {
      return beir(source, node);
    }
    if (node.has("update_date") || node.path("authors").isTextual() || node.path("categories").isTextual()) {
      return arxiv(source, node);
    }
    return ours(source, node);
  }

  /**
   * Jackson's complaint in a reader's words: where on the line, what was found, and what was
   * expected, without its character codes and its hints about parser features to switch on.
   */
  static String notValidJson(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage().replaceAll("(?s)\\R.*", "");
    for (String[] r : PLAIN) {
      m = m.replaceAll(r[0], r[1]);
    }
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + m.strip();
  }

  /** Jackson's phrasings, most specific first, and what a reader is told instead. */
  private static final String[][] PLAIN = {
    {"^Trailing token.*", "there is more after the record; a line holds one JSON object"},
    {"^Illegal unquoted character.*", "a control character (a tab, say) inside a string must be escaped, as \\\\t or \\\\u0009"},
    {"^Unrecognized token '(.*?)'.*", "'$1' is not JSON (text goes in double quotes)"},
    {"^Non-standard token '(.*?)'.*", "'$1' is not JSON (a number is written in digits)"},
    {"^Unexpected end-of-input", "the line ends too early"},
    {"^Unexpected character \\('(.+?)' \\(code -?\\d+\\)\\)", "unexpected '$1'"},
    {"\\s*\\(code -?\\d+\\)", ""},
    {":? ?(?:enable|use) `?[A-Za-z.]+Feature\\.[A-Z_]+`?.*", ""},
  };

  private static Listing ours(String source, JsonNode n) throws InvalidInputException {
    String id = requiredText(n, "id");
    if (!n.hasNonNull("title")) {
      throw new InvalidInputException("missing required field 'title'");
    }
    String rawAbstract = optionalText(n, "abstract");
    String title = titleOrLead(id, optionalText(n, "title"), rawAbstract);
    List<String> authors = stringArray(n, "authors");
    List<String> categories = stringArray(n, "categories");
    int year = year(n.get("year"));
    LocalDate date = date(optionalText(n, "date"));
    boolean hasCode = n.path("hasCode").asBoolean(false);
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        displayNames(authors), false, "", year, date, categories, optionalText(n, "venue"),
        optionalText(n, "type"), hasCode, null, optionalText(n, "url"));
  }

  private static Listing beir(String source, JsonNode n) throws InvalidInputException {
    String id = requiredText(n, "_id");
    String text = optionalText(n, "text");
    String title = titleOrLead(id, optionalText(n, "title"), text);
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(text), text,
        List.of(), false, "", 0, null, List.of(), "", "", false, null, "");
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
    return new Listing(source, id, LatexCleaner.clean(title), title, LatexCleaner.clean(rawAbstract), rawAbstract,
        displayNames(authors), false, "", date == null ? 0 : date.getYear(), date, categories,
        venue.isBlank() ? "arXiv" : venue, "preprint", false, null, "https://arxiv.org/abs/" + id);
  }

  private static List<String> displayNames(List<String> names) {
    return names.stream().map(TextKeys::displayName).filter(s -> !s.isEmpty()).toList();
  }

  private static String requiredText(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidInputException("missing required field '" + field + "'");
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new InvalidInputException("field '" + field + "' must be a string, got " + v.getNodeType());
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      throw new InvalidInputException("required field '" + field + "' is empty");
    }
    return s;
  }

  private static String optionalText(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isValueNode()) {
      throw new InvalidInputException("field '" + field + "' must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  private static List<String> stringArray(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidInputException("field '" + field + "' must be an array of strings, got " + v.getNodeType());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
        out.add(e.asText().strip());
      } else if (!e.isNull()) {
        throw new InvalidInputException("field '" + field + "' must hold strings, found " + e.getNodeType());
      }
    }
    return out;
  }

  private static int year(JsonNode v) throws InvalidInputException {
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return 0;
    }
    String s = v.asText().strip();
    if (!s.matches("\\d{4}")) {
      throw new InvalidInputException("field 'year' must be a four-digit year, got '" + ProfilePageParser.abbreviate(s) + "'");
    }
    return Integer.parseInt(s);
  }

  private static LocalDate date(String s) throws InvalidInputException {
    if (s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date '" + ProfilePageParser.abbreviate(s) + "' is not yyyy-mm-dd");
    }
  }

  /** The title; an empty one (CACM has one, BEIR many) is replaced by the text's first words. */
  private static String titleOrLead(String id, String title, String text) throws InvalidInputException {
    if (!title.isBlank()) {
      return title.strip();
    }
    if (text.isBlank()) {
      throw new InvalidInputException("record '" + id + "' has an empty title and no text to take one from");
    }
    return firstWords(text, 16);
  }

  private static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    String joined = String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
    return words.length > n ? joined + "…" : joined;
  }
}
