package dev.scholarsearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics as {@code qid<TAB>text} lines (for similar papers the text is a paper id), or as BEIR's
 * {@code queries.jsonl}: one {@code {"_id", "text"}} object per line.
 */
public final class Topics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Topics() {}

  public static Map<String, String> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean jsonl = file.getFileName().toString().endsWith(".jsonl");
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] topic = jsonl ? fromJson(line) : fromTsv(line);
      if (topic == null) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + (jsonl ? "{\"_id\": ..., \"text\": ...}" : "'qid<TAB>text'")
            + ", got '" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
      }
      out.put(topic[0], topic[1]);
    }
    return out;
  }

  private static String[] fromTsv(String line) {
    int tab = line.indexOf('\t');
    return tab <= 0 ? null : new String[] {line.substring(0, tab).strip(), line.substring(tab + 1).strip()};
  }

  private static String[] fromJson(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      JsonNode id = n == null ? null : n.get("_id");
      JsonNode text = n == null ? null : n.get("text");
      if (id == null || text == null || !text.isTextual() || id.asText().isBlank()) {
        return null;
      }
      return new String[] {id.asText().strip(), text.asText().strip()};
    } catch (IOException e) {
      return null;
    }
  }
}
