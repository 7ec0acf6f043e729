package dev.scholarsearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Topics as {@code qid<TAB>text} lines (for similar papers the text is a paper id). */
public final class Topics {
  private Topics() {}

  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IOException(file + ":" + (i + 1) + ": expected 'qid<TAB>text', got '"
            + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
      }
      out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
    }
    return out;
  }
}
