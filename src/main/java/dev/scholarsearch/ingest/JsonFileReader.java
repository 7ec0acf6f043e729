package dev.scholarsearch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.model.Listing;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code .json} file holding one JSON document: an API page ({@code {"results":[...]}} from
 * OpenAlex, {@code {"data":[...]}} from Semantic Scholar), an array of records, or one record. An
 * array is streamed a record at a time; an object is read whole, so it is capped at
 * {@link #MAX_OBJECT_BYTES} (a snapshot that size comes as JSON Lines).
 */
public final class JsonFileReader {
  static final long MAX_OBJECT_BYTES = 256L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code file}, handing each paper to {@code sink}; what was skipped is reported, not thrown. */
  public RecordsRead read(Path file, Consumer<Listing> sink) throws IOException {
    String name = file.getFileName().toString();
    List<IngestReport.Problem> skipped = new ArrayList<>();
    List<IngestReport.Problem> warnings = new ArrayList<>();
    int records = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        JsonParser p = JSON.getFactory().createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        int i = 0;
        while (p.nextToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.VALUE_STRING
            || p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.START_ARRAY) {
          JsonNode node = p.readValueAsTree();
          records++;
          collect(JsonRecords.parse(name + "#" + i, node), name + "[" + i + "]", sink, skipped, warnings);
          i++;
        }
      } else if (first == JsonToken.START_OBJECT) {
        if (!name.endsWith(".gz") && Files.size(file) > MAX_OBJECT_BYTES) {
          skipped.add(new IngestReport.Problem(name, "one JSON object larger than " + (MAX_OBJECT_BYTES >> 20)
              + " MiB; write the records one per line (.jsonl) instead"));
          return new RecordsRead(0, skipped, warnings);
        }
        JsonNode node = p.readValueAsTree();
        JsonRecords.Parsed parsed = JsonRecords.parse(name, node);
        records = parsed.listings().size() + parsed.skipped().size();
        collect(parsed, name, sink, skipped, warnings);
      } else {
        skipped.add(new IngestReport.Problem(name, "not a JSON object or array of records"));
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      skipped.add(new IngestReport.Problem(name + (line > 0 ? ":" + line : ""),
          JsonlPaperReader.notValidJson(e) + (records > 0 ? " (the " + records + " records before it were read)" : "")));
    }
    return new RecordsRead(records, skipped, warnings);
  }

  private static void collect(JsonRecords.Parsed parsed, String where, Consumer<Listing> sink,
      List<IngestReport.Problem> skipped, List<IngestReport.Problem> warnings) {
    parsed.listings().forEach(sink);
    parsed.skipped().forEach(r -> skipped.add(new IngestReport.Problem(where, r)));
    parsed.warnings().forEach(r -> warnings.add(new IngestReport.Problem(where, r)));
  }
}
