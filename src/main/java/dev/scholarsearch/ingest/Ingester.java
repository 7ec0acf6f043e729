package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Reads every input file into one merged {@link Corpus}; bad files and lines are reported, never fatal. */
public final class Ingester {
  /** A profile page larger than this is no profile page; reading it whole would only waste memory. */
  static final long MAX_PAGE_BYTES = 8L << 20;

  private final ProfilePageParser pageParser;
  private final JsonlPaperReader jsonlReader = new JsonlPaperReader();
  private final Consumer<String> progress;

  /** What a run produced. */
  public record Result(Corpus corpus, IngestReport report) {}

  /**
   * @param reference resolves page dates printed without a year
   * @param progress receives a line now and then on long inputs (e.g. stderr)
   */
  public Ingester(ReferenceDate reference, Consumer<String> progress) {
    this.pageParser = new ProfilePageParser(reference);
    this.progress = progress;
  }

  public Result ingest(List<Path> inputs) {
    long start = System.nanoTime();
    InputFiles files = InputFiles.scan(inputs);
    List<IngestReport.Problem> skipped = new ArrayList<>();
    List<IngestReport.Problem> warnings = new ArrayList<>();
    files.skipped().forEach(s -> skipped.add(new IngestReport.Problem(s.path(), s.reason())));
    Map<String, Integer> layouts = new TreeMap<>();
    CorpusBuilder builder = new CorpusBuilder();
    int filesRead = 0;
    int jsonlLines = 0;
    int records = 0;
    long lastReport = System.nanoTime();
    int total = files.pages().size() + files.collections().size();

    for (Path file : files.pages()) {
      String name = file.getFileName().toString();
      filesRead++;
      try {
        ProfilePage page = readPage(file, name);
        layouts.merge(page.layout().label(), 1, Integer::sum);
        page.warnings().forEach(w -> warnings.add(new IngestReport.Problem(name, w)));
        builder.addPage(page);
      } catch (InvalidInputException e) {
        skipped.add(new IngestReport.Problem(name, e.getMessage()));
      } catch (IOException | UncheckedIOException e) {
        skipped.add(new IngestReport.Problem(name, "cannot be read: " + describe(e)));
      }
      if (System.nanoTime() - lastReport > 2_000_000_000L) {
        progress.accept(String.format("read %d of %d files", filesRead, total));
        lastReport = System.nanoTime();
      }
    }
    for (Path file : files.collections()) {
      String name = file.getFileName().toString();
      filesRead++;
      progress.accept("reading " + file);
      try {
        InputFiles.Format format = InputFiles.formatOf(file);
        if (format == InputFiles.Format.JSONL || format == null) {
          JsonlPaperReader.Result r = jsonlReader.read(file, builder::addListing);
          jsonlLines += r.linesRead();
          r.errors().forEach(e -> skipped.add(new IngestReport.Problem(name + ":" + e.line(), e.reason())));
          r.warnings().forEach(w -> warnings.add(new IngestReport.Problem(name + ":" + w.line(), w.reason())));
          r.cutShort().ifPresent(why -> skipped.add(new IngestReport.Problem(name, why)));
        } else {
          RecordsRead r = readRecords(file, name, format, builder);
          records += r.records();
          skipped.addAll(r.skipped());
          warnings.addAll(r.warnings());
        }
      } catch (IOException | UncheckedIOException e) {
        skipped.add(new IngestReport.Problem(name, "cannot be read (after " + jsonlLines + " lines in all): " + describe(e)));
      }
    }

    progress.accept("merging papers and researchers");
    CorpusBuilder.Result merged = builder.build();
    merged.warnings().forEach(w -> warnings.add(new IngestReport.Problem(w.where(), w.reason())));
    Corpus corpus = merged.corpus();
    int withProfiles = (int) corpus.researchers().stream().filter(Researcher::hasProfile).count();
    int identified = (int) corpus.researchers().stream().filter(r -> !r.ids().isEmpty()).count();
    IngestReport report = new IngestReport(filesRead, layouts, jsonlLines, records, merged.stats(), corpus.papers().size(),
        corpus.researchers().size(), withProfiles, identified, skipped, warnings, Duration.ofNanos(System.nanoTime() - start));
    return new Result(corpus, report);
  }

  /** A whole-file collection: JSON streamed, BibTeX and RIS decoded (they are often Latin-1) and read whole. */
  private RecordsRead readRecords(Path file, String name, InputFiles.Format format, CorpusBuilder builder)
      throws IOException {
    if (format == InputFiles.Format.JSON) {
      return new JsonFileReader().read(file, builder::addListing);
    }
    if (Files.size(file) > MAX_RECORDS_BYTES) {
      return new RecordsRead(0, List.of(new IngestReport.Problem(name, "larger than " + (MAX_RECORDS_BYTES >> 20)
          + " MiB: split it, or convert it to JSON Lines")), List.of());
    }
    DecodedText text = DecodedText.decode(Files.readAllBytes(file));
    RecordsRead r = format == InputFiles.Format.BIBTEX
        ? new BibtexReader().read(name, text.text(), builder::addListing)
        : new RisReader().read(name, text.text(), builder::addListing);
    if (text.note().isEmpty()) {
      return r;
    }
    List<IngestReport.Problem> w = new ArrayList<>(r.warnings());
    w.add(0, new IngestReport.Problem(name, "encoding: " + text.note()));
    return new RecordsRead(r.records(), r.skipped(), w);
  }

  /** BibTeX and RIS files are read whole; a reference library is megabytes, never this. */
  static final long MAX_RECORDS_BYTES = 512L << 20;

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
  }

  private ProfilePage readPage(Path file, String name) throws IOException, InvalidInputException {
    long size = Files.size(file);
    if (size > MAX_PAGE_BYTES) {
      throw new InvalidInputException("larger than " + (MAX_PAGE_BYTES >> 20) + " MiB: not a profile page");
    }
    DecodedText text = DecodedText.decode(Files.readAllBytes(file));
    ProfilePage page = pageParser.parse(name, text.text());
    if (!text.note().isEmpty()) {
      List<String> w = new ArrayList<>(page.warnings());
      w.add(0, "encoding: " + text.note());
      page = page.withWarnings(w);
    }
    return page;
  }
}
