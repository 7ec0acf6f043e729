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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads papers from JSONL, one record per line, in any of the shapes {@link JsonRecords} tells
 * apart per line (ours, OpenAlex, Semantic Scholar, BEIR, arXiv; an API page of records on one
 * line is its records). A bad line is reported with its number and the rest is read.
 */
public final class JsonlPaperReader {
  /** Longer lines are reported and skipped; no real paper record comes near this. */
  static final int MAX_LINE_CHARS = 1 << 20;
  /** Text after the object on the same line is a mistake (two records run together, say), not something to drop. */
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Something that went wrong on one line. */
  public record LineError(long line, String reason) {}

  /** Something wrong on one line that did not stop its paper being read (an author with no name, say). */
  public record LineWarning(long line, String reason) {}

  /**
   * What reading one file gave.
   *
   * @param cutShort why the file could not be read to its end (a truncated or damaged gzip, say),
   *     with the line it stopped after; empty when it was read to the end
   */
  public record Result(int linesRead, List<LineError> errors, List<LineWarning> warnings, Optional<String> cutShort) {
    public Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
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
    List<LineWarning> warnings = new ArrayList<>();
    int lines = 0;
    String cutShort = null;
    Deque<Future<List<Object>>> parsing = new ArrayDeque<>();
    int window = 2 * Runtime.getRuntime().availableProcessors(); // batches in flight: bounded memory
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        EndsAtDamage in = new EndsAtDamage(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
        BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(in,
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), MAX_LINE_CHARS)) {
      List<Line> batch = new ArrayList<>(BATCH);
      String line;
      try {
        while ((line = reader.readLine()) != null) {
          long no = reader.lineNumber();
          if (line.isBlank()) {
            continue;
          }
          lines++;
          batch.add(new Line(no, reader.truncated() ? null : line));
          if (batch.size() == BATCH) {
            List<Line> full = batch;
            parsing.add(PARSERS.submit(() -> parse(name, full)));
            batch = new ArrayList<>(BATCH);
            while (parsing.size() > window) {
              deliver(parsing.poll(), sink, errors, warnings);
            }
          }
        }
      } catch (IOException e) {
        in.damage = e;
      }
      if (in.damage != null) {
        // The lines read before the damage are good: they are kept (those still being parsed too),
        // and the file is reported as cut short where it stopped.
        IOException e = in.damage;
        cutShort = "the file ends early, in line " + reader.lineNumber() + " (" + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage()) + "); the lines before it were read";
      }
      List<Line> last = batch;
      parsing.add(CompletableFuture.completedFuture(parse(name, last)));
      while (!parsing.isEmpty()) {
        deliver(parsing.poll(), sink, errors, warnings);
      }
    }
    return new Result(lines, errors, warnings, Optional.ofNullable(cutShort));
  }

  /**
   * The threads that parse. A {@link java.util.concurrent.FutureTask} records a task's failure
   * without allocating, so a parser that runs out of heap still wakes the reader with the error; a
   * {@code CompletableFuture} has to allocate its wrapper then, and when that failed too the reader
   * waited for ever (seen at -Xmx40m).
   */
  private static final ExecutorService PARSERS = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("jsonl-parser-", 0).factory());

  /**
   * A stream that ends where its source fails (a truncated gzip, a damaged block) and keeps the
   * failure: thrown through the character decoder, it would take the text decoded in the same read
   * with it, about eight lines of an abstract collection.
   */
  private static final class EndsAtDamage extends java.io.FilterInputStream {
    IOException damage;

    EndsAtDamage(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (damage != null) {
        return -1;
      }
      try {
        return super.read();
      } catch (IOException e) {
        damage = e;
        return -1;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (damage != null) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        damage = e;
        return -1;
      }
    }
  }

  /** Lines parsed a batch at a time: enough to outweigh handing the batch to another thread. */
  private static final int BATCH = 256;

  /** A line and its number; null text for a line cut off at {@link #MAX_LINE_CHARS}. */
  private record Line(long number, String text) {}

  /** Each line's listings, {@link LineError}s and {@link LineWarning}s, in order. */
  private List<Object> parse(String name, List<Line> batch) {
    List<Object> out = new ArrayList<>(batch.size());
    for (Line l : batch) {
      if (l.text() == null) {
        out.add(new LineError(l.number(), "line is longer than " + MAX_LINE_CHARS + " characters"));
        continue;
      }
      JsonRecords.Parsed parsed;
      try {
        parsed = JsonRecords.parse(name + ":" + l.number(), readJson(l.text()));
      } catch (InvalidInputException e) {
        out.add(new LineError(l.number(), e.getMessage()));
        continue;
      }
      out.addAll(parsed.listings());
      parsed.skipped().forEach(r -> out.add(new LineError(l.number(), r)));
      parsed.warnings().forEach(r -> out.add(new LineWarning(l.number(), r)));
    }
    return out;
  }

  private static void deliver(Future<List<Object>> batch, Consumer<Listing> sink, List<LineError> errors,
      List<LineWarning> warnings) {
    List<Object> parsed;
    try {
      parsed = batch.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException r -> throw r; // a bug, thrown as if parsed here
        case Error r -> throw r; // out of memory, as if run out of here
        default -> throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    }
    for (Object o : parsed) {
      switch (o) {
        case Listing l -> sink.accept(l);
        case LineError e -> errors.add(e);
        case LineWarning w -> warnings.add(w);
        default -> throw new IllegalStateException("unexpected " + o);
      }
    }
  }

  /** Parses a line holding one record; {@code source} names it in the listing (file:line). */
  public Listing parseLine(String source, String line) throws InvalidInputException {
    JsonRecords.Parsed parsed = JsonRecords.parse(source, readJson(line));
    if (!parsed.skipped().isEmpty()) {
      throw new InvalidInputException(parsed.skipped().get(0));
    }
    if (parsed.listings().size() != 1) {
      throw new InvalidInputException("the line holds " + parsed.listings().size() + " records, not one");
    }
    return parsed.listings().get(0);
  }

  private static JsonNode readJson(String line) throws InvalidInputException {
    JsonNode node;
    try {
      node = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(notValidJson(e));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("not a JSON object");
    }
    return node;
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
    {"^Unexpected end-of-input: expected close marker for Object.*", "the line ends before the record is closed (a '}' is missing)"},
    {"^Unexpected end-of-input: expected close marker for Array.*", "the line ends before a list is closed (a ']' is missing)"},
    {"^Unexpected end-of-input in (?:a )?(?:String|VALUE_STRING|field name).*", "the line ends inside a string (a closing '\"' is missing)"},
    {"^Unexpected end-of-input", "the line ends too early"},
    {": was expecting closing quote for a string value", ": a string's closing '\"' is missing"},
    {": was expecting comma to separate Object entries", ": a comma is missing before it, or the string before it lacks its closing quote"},
    {": was expecting comma to separate Array entries", ": a comma is missing between two items of a list"},
    {": was expecting double-quote to start field name", ": a field name goes here, in double quotes (JSON allows no comma before a '}')"},
    {": was expecting a colon to separate field name and value", ": a ':' must follow a field name"},
    {"\\s*\\(start marker at \\[Source.*", ""},
    {"^Unexpected character \\('(.+?)' \\(code -?\\d+\\)\\)", "unexpected '$1'"},
    {"\\s*\\(code -?\\d+\\)", ""},
    {":? ?(?:enable|use) `?[A-Za-z.]+Feature\\.[A-Z_]+`?.*", ""},
  };

}
