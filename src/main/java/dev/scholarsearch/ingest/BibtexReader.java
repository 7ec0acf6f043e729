package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads BibTeX as Zotero, Mendeley, JabRef and Google Scholar export it: {@code @type{key, field =
 * {value} | "value" | 123 | macro # "joined"}}, {@code @string} macros, month macros, multi-line
 * values, LaTeX accents and braces, authors joined by {@code and} in "Last, First" or "First Last"
 * form.
 *
 * <p>Written here rather than taken from a library because a bad entry must cost only that entry:
 * the libraries for Java (jbibtex) fail the whole file on the first unbalanced brace. An entry that
 * cannot be read is reported with its key and line, and reading resumes at the next line that
 * starts with {@code @}.
 */
public final class BibtexReader {
  /** An entry longer than this is a brace left open, swallowing the file. */
  static final int MAX_ENTRY_CHARS = 200_000;
  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ENTRY_START = Pattern.compile("@[A-Za-z]+\\s*[{(]");
  private static final Map<String, String> MONTHS = Map.ofEntries(
      Map.entry("jan", "1"), Map.entry("feb", "2"), Map.entry("mar", "3"), Map.entry("apr", "4"), Map.entry("may", "5"),
      Map.entry("jun", "6"), Map.entry("jul", "7"), Map.entry("aug", "8"), Map.entry("sep", "9"), Map.entry("oct", "10"),
      Map.entry("nov", "11"), Map.entry("dec", "12"));

  /** Reads {@code text} (the whole file; {@code name} labels it), handing each paper to {@code sink}. */
  public RecordsRead read(String name, String text, Consumer<Listing> sink) {
    Scanner sc = new Scanner(text);
    Map<String, String> macros = new HashMap<>(MONTHS);
    List<IngestReport.Problem> skipped = new ArrayList<>();
    List<IngestReport.Problem> warnings = new ArrayList<>();
    int entries = 0;
    while (sc.nextEntry()) {
      int line = sc.line();
      String type = sc.word().toLowerCase(Locale.ROOT);
      if (type.equals("comment") || type.equals("preamble")) {
        sc.skipEntry();
        continue;
      }
      String where = name + ":" + line;
      try {
        if (type.equals("string")) {
          Map<String, String> fields = sc.fields(macros, true);
          macros.putAll(fields);
          continue;
        }
        entries++;
        String key = sc.key();
        where = name + ":" + line + " (" + (key.isEmpty() ? "no key" : key) + ")";
        Map<String, String> fields = sc.fields(macros, false);
        List<String> w = new ArrayList<>();
        sink.accept(listing(name + ":" + line, type, key, fields, w));
        String at = where;
        w.forEach(x -> warnings.add(new IngestReport.Problem(at, x)));
      } catch (InvalidInputException e) {
        skipped.add(new IngestReport.Problem(where, e.getMessage()));
        sc.resync();
      }
    }
    return new RecordsRead(entries, skipped, warnings);
  }

  private static Listing listing(String source, String type, String key, Map<String, String> f, List<String> warnings)
      throws InvalidInputException {
    String rawTitle = f.getOrDefault("title", "").strip();
    if (rawTitle.isEmpty()) {
      throw new InvalidInputException("entry has no title");
    }
    String rawAbstract = f.getOrDefault("abstract", "").strip();
    List<Author> authors = new ArrayList<>();
    boolean truncated = false;
    String names = f.getOrDefault("author", f.getOrDefault("editor", ""));
    for (String a : splitAnd(names)) {
      if (a.equalsIgnoreCase("others")) {
        truncated = true;
        continue;
      }
      String name = TextKeys.displayName(personName(a));
      if (name.isEmpty()) {
        warnings.add("an author in '" + ProfilePageParser.abbreviate(names) + "' has no name; left out");
      } else {
        authors.add(new Author(name, List.of()));
      }
    }
    LocalDate date = null;
    int year = 0;
    String y = LatexCleaner.clean(f.getOrDefault("year", ""));
    String d = f.getOrDefault("date", "").strip();
    if (ISO_DAY.matcher(d).matches()) {
      date = LocalDate.parse(d);
    } else if (y.matches("\\d{4}") || d.matches("\\d{4}(-\\d{2})?")) {
      year = Integer.parseInt(y.matches("\\d{4}") ? y : d.substring(0, 4));
    } else if (!y.isEmpty()) {
      warnings.add("year '" + ProfilePageParser.abbreviate(y) + "' is not a year; left out");
    }
    List<Identifier> ids = new ArrayList<>();
    JsonFields.addId(ids, Identifier.Kind.DOI, f.getOrDefault("doi", ""));
    String prefix = f.getOrDefault("archiveprefix", f.getOrDefault("eprinttype", ""));
    if (prefix.equalsIgnoreCase("arxiv")) {
      JsonFields.addId(ids, Identifier.Kind.ARXIV, f.getOrDefault("eprint", ""));
    }
    for (String field : new String[] {"journal", "note", "url", "howpublished"}) {
      Identifier.findArxiv(f.get(field)).ifPresent(ids::add);
    }
    String venue = LatexCleaner.clean(firstOf(f, "journal", "booktitle", "journaltitle", "publisher", "school", "institution"));
    List<String> keywords = new ArrayList<>();
    for (String k : f.getOrDefault("keywords", "").split("[,;]")) {
      String clean = LatexCleaner.clean(k);
      if (!clean.isEmpty()) {
        keywords.add(clean);
      }
    }
    return new Listing(source, "", LatexCleaner.clean(rawTitle), rawTitle, LatexCleaner.clean(rawAbstract), rawAbstract,
        authors, truncated, "", year, date, List.of(), venue, TYPES.getOrDefault(type, type), false, null,
        f.getOrDefault("url", "").strip(), ids, keywords);
  }

  /** BibTeX entry types in the words the other sources use. */
  private static final Map<String, String> TYPES = Map.of(
      "article", "article", "inproceedings", "proceedings-article", "conference", "proceedings-article",
      "incollection", "book-chapter", "book", "book", "phdthesis", "dissertation", "mastersthesis", "dissertation",
      "techreport", "report", "unpublished", "preprint", "misc", "other");

  private static String firstOf(Map<String, String> f, String... names) {
    for (String n : names) {
      if (!f.getOrDefault(n, "").isBlank()) {
        return f.get(n);
      }
    }
    return "";
  }

  /** Names joined by {@code and} outside braces ("{Barnes and Noble}" is one name). */
  static List<String> splitAnd(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && Character.isWhitespace(c) && lower.startsWith("and", i + 1)
          && i + 4 < s.length() && Character.isWhitespace(s.charAt(i + 4))) {
        out.add(s.substring(start, i).strip());
        start = i + 4;
        i += 3; // the space after "and" may begin the next one ("A and and B")
      }
    }
    out.add(s.substring(start).strip());
    out.removeIf(String::isEmpty);
    return out;
  }

  /** "Last, First", "Last, Jr, First" and "First Last" as "First Last", LaTeX cleaned. */
  static String personName(String raw) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(raw.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(raw.substring(start));
    String name = switch (parts.size()) {
      case 1 -> parts.get(0);
      case 2 -> parts.get(1) + " " + parts.get(0);
      default -> parts.get(2) + " " + parts.get(0) + " " + parts.get(1);
    };
    return LatexCleaner.clean(name);
  }

  /** A cursor over the file's text that knows BibTeX's lexical rules. */
  private static final class Scanner {
    private final String s;
    private int pos;
    private int entryStart;
    private char close;

    Scanner(String s) {
      this.s = s;
    }

    /** Moves to the next {@code @type}; false at the end. Text between entries is comment, as BibTeX has it. */
    boolean nextEntry() {
      while (true) {
        int at = s.indexOf('@', pos);
        if (at < 0) {
          return false;
        }
        pos = at + 1;
        if (ENTRY_START.matcher(s).region(at, Math.min(s.length(), at + 64)).lookingAt()) {
          entryStart = at;
          return true;
        }
        // an '@' in the text between entries (an e-mail address in a comment) starts nothing
      }
    }

    /** The line of the current entry's '@', counted on from the last entry's so a big file is read once. */
    int line() {
      for (; countedTo < entryStart; countedTo++) {
        if (s.charAt(countedTo) == '\n') {
          lines++;
        }
      }
      return lines;
    }

    private int countedTo;
    private int lines = 1;

    String word() {
      skipSpace();
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '-')) {
        pos++;
      }
      return s.substring(start, pos);
    }

    /** Past an entry whose content is not read (@comment, @preamble). */
    void skipEntry() {
      skipSpace();
      if (pos < s.length() && (s.charAt(pos) == '{' || s.charAt(pos) == '(')) {
        try {
          pos++;
          delimited(s.charAt(pos - 1) == '{' ? '}' : ')', "");
        } catch (InvalidInputException e) {
          resync();
        }
      }
    }

    /** The citation key after the opening brace, and the comma after it. */
    String key() throws InvalidInputException {
      open();
      skipSpace();
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != close && !Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
      String key = s.substring(start, pos);
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
      }
      return key;
    }

    private void open() throws InvalidInputException {
      skipSpace();
      if (pos >= s.length() || (s.charAt(pos) != '{' && s.charAt(pos) != '(')) {
        throw new InvalidInputException("expected '{' after the entry type");
      }
      close = s.charAt(pos) == '{' ? '}' : ')';
      pos++;
    }

    /** {@code name = value} pairs up to the entry's closing brace; field names lower-cased. */
    Map<String, String> fields(Map<String, String> macros, boolean opening) throws InvalidInputException {
      if (opening) {
        open();
      }
      Map<String, String> out = new LinkedHashMap<>();
      while (true) {
        skipSpace();
        if (pos >= s.length()) {
          throw new InvalidInputException("the entry is not closed: a '" + close + "' is missing");
        }
        if (s.charAt(pos) == close) {
          pos++;
          return out;
        }
        if (s.charAt(pos) == '@') {
          throw new InvalidInputException("the entry is not closed before the next '@' (an unbalanced brace?)");
        }
        String name = word().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          throw new InvalidInputException("expected a field name, found '" + s.charAt(pos) + "'");
        }
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '=') {
          throw new InvalidInputException("field '" + name + "' has no '='");
        }
        pos++;
        StringBuilder value = new StringBuilder();
        do {
          skipSpace();
          value.append(piece(name, macros));
          skipSpace();
        } while (pos < s.length() && s.charAt(pos) == '#' && ++pos > 0);
        out.putIfAbsent(name, value.toString().replaceAll("\\s+", " ").strip());
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        }
        if (pos - entryStart > MAX_ENTRY_CHARS) {
          throw new InvalidInputException("the entry runs over " + MAX_ENTRY_CHARS + " characters (an unbalanced brace?)");
        }
      }
    }

    private String piece(String field, Map<String, String> macros) throws InvalidInputException {
      if (pos >= s.length()) {
        throw new InvalidInputException("field '" + field + "' has no value");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        pos++;
        return delimited('}', field);
      }
      if (c == '"') {
        pos++;
        return delimited('"', field);
      }
      String w = word();
      if (w.isEmpty()) {
        throw new InvalidInputException("field '" + field + "' has no value");
      }
      if (w.chars().allMatch(Character::isDigit)) {
        return w;
      }
      return macros.getOrDefault(w.toLowerCase(Locale.ROOT), w);
    }

    /**
     * Text up to the {@code end} that closes the value just opened ('}' or '"'), inner braces kept
     * (LaTeX reads them). A line that starts with '@' on the way is the next entry: this one is broken.
     */
    private String delimited(char end, String field) throws InvalidInputException {
      int depth = 0;
      int start = pos;
      for (; pos < s.length() && pos - entryStart <= MAX_ENTRY_CHARS; pos++) {
        char c = s.charAt(pos);
        if (c == '\\') {
          pos++;
        } else if (c == end && depth == 0) {
          return s.substring(start, pos++);
        } else if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth = Math.max(0, depth - 1);
        } else if (c == '@' && atLineStart(pos) && pos > start) {
          break;
        }
      }
      throw new InvalidInputException(end == '"' ? "field '" + field + "': a '\"' is never closed"
          : "unbalanced braces: a '{' is never closed");
    }

    private boolean atLineStart(int i) {
      int k = i - 1;
      while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
        k--;
      }
      return k < 0 || s.charAt(k) == '\n';
    }

    /** After a bad entry: on to the next line that starts with '@', so one bad brace costs one entry. */
    void resync() {
      int i = Math.max(pos, entryStart + 1);
      while (i < s.length()) {
        int at = s.indexOf('@', i);
        if (at < 0) {
          pos = s.length();
          return;
        }
        if (atLineStart(at)) {
          pos = at;
          return;
        }
        i = at + 1;
      }
      pos = s.length();
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
