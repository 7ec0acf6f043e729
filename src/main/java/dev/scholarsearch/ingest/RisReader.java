package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RIS, as Zotero, Mendeley, EndNote and the publishers export it: records from {@code TY  - }
 * to {@code ER  - }, one {@code XX  - value} tag per line, a line without a tag continuing the one
 * before. Titles from TI/T1, abstracts from AB/N2, authors from AU/A1 ("Last, First"), the year from
 * PY/Y1/DA, the venue from T2/JO/JF/BT, and DO, UR, KW. A record without a title, or one cut off by
 * the next TY or the end of the file, is reported by its line and the rest read.
 */
public final class RisReader {
  private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])  ?-(?: (.*))?$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})(?:[/-](\\d{1,2})?(?:[/-](\\d{1,2}))?)?");

  /** RIS types in the words the other sources use. */
  private static final Map<String, String> TYPES = Map.of(
      "JOUR", "article", "CONF", "proceedings-article", "CPAPER", "proceedings-article", "CHAP", "book-chapter",
      "BOOK", "book", "THES", "dissertation", "RPRT", "report", "UNPB", "preprint", "ELEC", "other", "GEN", "other");

  /** Reads {@code text} (the whole file; {@code name} labels it), handing each paper to {@code sink}. */
  public RecordsRead read(String name, String text, Consumer<Listing> sink) {
    List<IngestReport.Problem> skipped = new ArrayList<>();
    List<IngestReport.Problem> warnings = new ArrayList<>();
    Map<String, List<String>> record = null;
    int recordLine = 0;
    String lastTag = null;
    int records = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\uFEFF", "");
      Matcher m = TAG.matcher(line);
      if (!m.matches()) {
        if (record != null && lastTag != null && !line.isBlank()) {
          List<String> values = record.get(lastTag);
          values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
        }
        continue;
      }
      String tag = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2).strip();
      if (tag.equals("TY")) {
        if (record != null) {
          skipped.add(new IngestReport.Problem(name + ":" + recordLine, "record has no 'ER  -' before the next 'TY  -'"));
        }
        record = new LinkedHashMap<>();
        record.put("TY", new ArrayList<>(List.of(value)));
        recordLine = i + 1;
        lastTag = "TY";
        records++;
      } else if (tag.equals("ER")) {
        if (record == null) {
          warnings.add(new IngestReport.Problem(name + ":" + (i + 1), "'ER  -' without a record to end"));
          continue;
        }
        String where = name + ":" + recordLine;
        try {
          List<String> w = new ArrayList<>();
          sink.accept(listing(where, record, w));
          w.forEach(x -> warnings.add(new IngestReport.Problem(where, x)));
        } catch (InvalidInputException e) {
          skipped.add(new IngestReport.Problem(where, e.getMessage()));
        }
        record = null;
        lastTag = null;
      } else if (record == null) {
        skipped.add(new IngestReport.Problem(name + ":" + (i + 1), "tag " + tag + " outside a record (no 'TY  -' before it)"));
        while (i + 1 < lines.length && !lines[i + 1].startsWith("TY  -")) {
          i++;
        }
      } else {
        record.computeIfAbsent(tag, k -> new ArrayList<>()).add(value);
        lastTag = tag;
      }
    }
    if (record != null) {
      skipped.add(new IngestReport.Problem(name + ":" + recordLine, "record is cut off: the file ends before 'ER  -'"));
    }
    return new RecordsRead(records, skipped, warnings);
  }

  private static Listing listing(String source, Map<String, List<String>> r, List<String> warnings)
      throws InvalidInputException {
    String rawTitle = first(r, "TI", "T1", "CT");
    if (rawTitle.isEmpty()) {
      throw new InvalidInputException("record has no title (TI or T1)");
    }
    String rawAbstract = first(r, "AB", "N2");
    List<Author> authors = new ArrayList<>();
    // AU and A1 are the authors (exporters use one or the other); A2 and A3 are editors, left out.
    String tag = r.containsKey("AU") ? "AU" : "A1";
    for (String a : r.getOrDefault(tag, List.of())) {
      String name = TextKeys.displayName(BibtexReader.personName(a));
      if (name.isEmpty()) {
        warnings.add("an author (" + tag + ") has no name; left out");
      } else {
        authors.add(new Author(name, List.of()));
      }
    }
    int year = 0;
    LocalDate date = null;
    String when = first(r, "DA", "PY", "Y1");
    Matcher y = YEAR.matcher(when);
    if (y.find()) {
      year = Integer.parseInt(y.group(1));
      if (y.group(2) != null && y.group(3) != null) {
        try {
          date = LocalDate.of(year, Integer.parseInt(y.group(2)), Integer.parseInt(y.group(3)));
        } catch (java.time.DateTimeException e) {
          warnings.add("date '" + ProfilePageParser.abbreviate(when) + "' is not a real day; only the year is kept");
        }
      }
    } else if (!when.isEmpty()) {
      warnings.add("date '" + ProfilePageParser.abbreviate(when) + "' has no year; left out");
    }
    List<Identifier> ids = new ArrayList<>();
    JsonFields.addId(ids, Identifier.Kind.DOI, first(r, "DO"));
    String url = first(r, "UR", "L2");
    for (String s : new String[] {url, first(r, "N1"), first(r, "T2")}) {
      Identifier.findArxiv(s).ifPresent(ids::add);
    }
    List<String> keywords = new ArrayList<>();
    for (String k : r.getOrDefault("KW", List.of())) {
      for (String part : k.split(";")) {
        if (!part.isBlank()) {
          keywords.add(part.strip());
        }
      }
    }
    String ty = first(r, "TY");
    return new Listing(source, "", LatexCleaner.clean(rawTitle), rawTitle, LatexCleaner.clean(rawAbstract), rawAbstract,
        authors, false, "", year, date, List.of(), first(r, "T2", "JO", "JF", "BT", "J2"),
        TYPES.getOrDefault(ty, ty.toLowerCase(java.util.Locale.ROOT)), false, null, url, ids, keywords);
  }

  private static String first(Map<String, List<String>> r, String... tags) {
    for (String t : tags) {
      for (String v : r.getOrDefault(t, List.of())) {
        if (!v.isBlank()) {
          return v.strip();
        }
      }
    }
    return "";
  }
}
