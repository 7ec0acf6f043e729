package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.model.Listing;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlPaperReaderTest {
  private final JsonlPaperReader reader = new JsonlPaperReader();

  @Test
  void ourShape() throws Exception {
    Listing l = reader.parseLine("f:1", "{\"id\":\"x1\",\"title\":\"On \\\\emph{Graphs}\",\"abstract\":\"We study $G$.\","
        + "\"authors\":[\"Coffman, E. G.\",\"Ann Lee\"],\"year\":1999,\"venue\":\"CACM\",\"categories\":[\"cs.DM\"],"
        + "\"url\":\"https://example.org/x1\"}");
    assertEquals("x1", l.externalId());
    assertEquals("On Graphs", l.title());
    assertEquals("On \\emph{Graphs}", l.rawTitle());
    assertEquals("We study G.", l.abstractText());
    assertEquals(List.of("E. G. Coffman", "Ann Lee"), l.authorNames(), "'Last, First' is turned around");
    assertEquals(1999, l.year());
    assertEquals("CACM", l.venue());
    assertEquals(List.of("cs.DM"), l.categories());
    assertEquals("https://example.org/x1", l.url());
  }

  @Test
  void onlyIdAndTitleAreRequired() throws Exception {
    Listing l = reader.parseLine("f:1", "{\"id\":\"x2\",\"title\":\"Bare\"}");
    assertEquals("Bare", l.title());
    assertEquals("", l.abstractText());
    assertEquals(0, l.year());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.parseLine("f:2", "{\"id\":\"x3\"}"));
    assertEquals("missing required field 'title'", e.getMessage());
    Listing empty = reader.parseLine("f:3", "{\"id\":\"x4\",\"title\":\"\",\"abstract\":\"Work is in progress on a formula coding technique.\"}");
    assertEquals("Work is in progress on a formula coding technique.", empty.title(), "an empty title is taken from the abstract");
    assertThrows(InvalidInputException.class, () -> reader.parseLine("f:4", "{\"id\":\"x5\",\"title\":\" \"}"));
  }

  @Test
  void beirShape() throws Exception {
    Listing l = reader.parseLine("f:1", "{\"_id\":\"4983\",\"title\":\"Microstructural development\",\"text\":\"Alterations of the architecture.\",\"metadata\":{}}");
    assertEquals("4983", l.externalId());
    assertEquals("Microstructural development", l.title());
    assertEquals("Alterations of the architecture.", l.abstractText());
    Listing untitled = reader.parseLine("f:2", "{\"_id\":\"9\",\"title\":\"\",\"text\":\"Only text here.\"}");
    assertEquals("Only text here.", untitled.title());
  }

  @Test
  void arxivSnapshotShape() throws Exception {
    Listing l = reader.parseLine("f:1", "{\"id\":\"0704.0001\",\"submitter\":\"P\",\"authors\":\"C. Bal\\u00e1zs, E. L. Berger and P. M. Nadolsky\","
        + "\"title\":\"Calculation of prompt\\n  diphoton production\",\"abstract\":\"  A fully differential calculation.\\n\","
        + "\"categories\":\"hep-ph cs.LG\",\"update_date\":\"2008-11-13\"}");
    assertEquals("0704.0001", l.externalId());
    assertEquals(List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky"), l.authorNames());
    assertEquals("Calculation of prompt diphoton production", l.title());
    assertEquals("A fully differential calculation.", l.abstractText());
    assertEquals(List.of("hep-ph", "cs.LG"), l.categories());
    assertEquals(LocalDate.of(2008, 11, 13), l.date());
    assertEquals(2008, l.year());
    assertEquals("arXiv", l.venue());
  }

  @Test
  void badLinesAreReportedWithTheirNumbersAndTheRestIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mixed.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\":\"a\",\"title\":\"Good one\"}",
        "{not json",
        "",
        "[1,2]",
        "{\"id\":\"b\",\"title\":\"Bad authors\",\"authors\":42}",
        "{\"id\":\"c\",\"title\":\"Bad year\",\"year\":\"soon\"}",
        "{\"_id\":\"d\",\"title\":\"Good BEIR\",\"text\":\"t\"}") + "\n");
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = reader.read(f, got::add);
    assertEquals(List.of("a", "d"), got.stream().map(Listing::externalId).toList());
    assertEquals(6, r.linesRead());
    assertEquals(List.of(2L, 4L, 5L, 6L), r.errors().stream().map(JsonlPaperReader.LineError::line).toList());
    assertTrue(r.errors().get(0).reason().startsWith("not valid JSON"), r.errors().get(0).reason());
    assertEquals("not a JSON object", r.errors().get(1).reason());
    assertEquals("field 'authors' must be an array of names or author objects, got NUMBER", r.errors().get(2).reason());
    assertEquals("mixed.jsonl:7", got.get(1).source());
  }

  @Test
  void malformedJsonIsReportedInPlainWordsWithItsColumn() {
    String[][] table = {
      {"{oops", "not valid JSON at column 2: unexpected 'o': a field name goes here, in double quotes (JSON allows no comma before a '}')"},
      {"{\"id\":\"t1\",\"title\":\"Trunc\"", "not valid JSON at column 27: the line ends before the record is closed (a '}' is missing)"},
      {"{\"id\":\"b1\",\"title\":\"Broken, \"abstract\":\"x\"}", "not valid JSON at column 30: unexpected 'a': a comma is missing before it, or the string before it lacks its closing quote"},
      {"{\"id\":\"x\",\"title\":\"y\",}", "not valid JSON at column 23: unexpected '}': a field name goes here, in double quotes (JSON allows no comma before a '}')"},
      {"{\"id\":\"c\",\"title\":\"y\"} trailing", "not valid JSON at column 24: 'trailing' is not JSON (text goes in double quotes)"},
      {"{\"id\":\"h\",\"title\":\"x\"}{\"id\":\"i\"}", "not valid JSON at column 23: there is more after the record; a line holds one JSON object"},
      {"{\"id\":\"e\",\"title\":\"t\tab\"}", "not valid JSON at column 21: a control character (a tab, say) inside a string must be escaped, as \\t or \\u0009"},
      {"{\"id\":\"f\",\"title\":\"g\",\"year\":NaN}", "not valid JSON at column 33: 'NaN' is not JSON (a number is written in digits)"},
      {"{\"id\":\"g\",\"title\":\"unfinished", "not valid JSON at column 30: the line ends too early: a string's closing '\"' is missing"},
    };
    for (String[] row : table) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.parseLine("f:1", row[0]), row[0]);
      assertEquals(row[1], e.getMessage(), row[0]);
    }
  }

  @Test
  void readsGzipAndSkipsOverlongLines(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("{\"id\":\"a\",\"title\":\"First\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(("{\"id\":\"huge\",\"title\":\"" + "x".repeat(JsonlPaperReader.MAX_LINE_CHARS + 10) + "\"}\n").getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"b\",\"title\":\"Second\"}".getBytes(StandardCharsets.UTF_8));
    }
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = reader.read(f, got::add);
    assertEquals(List.of("a", "b"), got.stream().map(Listing::externalId).toList());
    assertEquals(1, r.errors().size());
    assertEquals(2L, r.errors().get(0).line());
    assertTrue(r.errors().get(0).reason().contains("longer than"));
  }

  @Test
  void cacmIndexesCompletely() throws Exception {
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = reader.read(TestData.cacm("corpus.jsonl"), got::add);
    assertEquals(3204, got.size());
    assertEquals(List.of(), r.errors());
    Listing first = got.get(0);
    assertEquals("cacm-1", first.externalId());
    assertEquals("Preliminary Report-International Algebraic Language", first.title());
    assertEquals(List.of("A. J Perlis", "K Samelson"), first.authorNames());
    assertEquals(1958, first.year());
    assertEquals(3204, got.stream().map(Listing::externalId).distinct().count());
  }

  /**
   * A gzip cut off part-way (a download that stopped): every complete line before the cut is read,
   * those still being parsed when the damage was found too, and the file is reported as cut short.
   */
  @Test
  void aTruncatedGzipKeepsEveryCompleteLineBeforeTheCut(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("cacm.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      Files.copy(TestData.cacm("corpus.jsonl"), out);
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 5));
    // What gunzip recovers: the complete lines before the stream breaks.
    java.io.ByteArrayOutputStream recovered = new java.io.ByteArrayOutputStream();
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(cut))) {
      in.transferTo(recovered);
    } catch (java.io.EOFException expected) {
      // the cut
    }
    long complete = recovered.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    assertTrue(complete > 1000, "the cut leaves more lines than are parsed at once: " + complete);

    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = reader.read(cut, got::add);
    assertEquals(complete, got.size());
    // The line the cut falls in is read up to the cut, and reported as not valid JSON.
    assertEquals(complete + 1, r.linesRead());
    assertEquals(1, r.errors().size(), r.errors().toString());
    assertEquals(complete + 1, r.errors().get(0).line());
    assertTrue(r.cutShort().orElseThrow().startsWith("the file ends early, in line " + (complete + 1)), r.cutShort().get());
    assertEquals("cacm-" + complete, got.get(got.size() - 1).externalId());
  }
}
