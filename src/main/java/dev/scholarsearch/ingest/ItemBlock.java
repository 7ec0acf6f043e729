package dev.scholarsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item of a page's paper list: its header line, matched by the layout's header pattern, and the
 * lines up to the next header (the first of them is the title).
 *
 * @param number 1-based position among the items kept
 */
record ItemBlock(int number, Matcher header, List<String> lines) {
  ItemBlock {
    lines = List.copyOf(lines);
  }

  /**
   * Cuts {@code lines} from {@code from} on into items. Lines before the first header, and items
   * with no title, are reported in {@code warnings} and left out.
   */
  static List<ItemBlock> split(List<String> lines, int from, Pattern header, List<String> warnings) {
    List<ItemBlock> out = new ArrayList<>();
    int i = from;
    while (i < lines.size()) {
      Matcher h = header.matcher(lines.get(i));
      if (!h.matches()) {
        warnings.add("ignored a line outside any item: '" + ProfilePageParser.abbreviate(lines.get(i)) + "'");
        i++;
        continue;
      }
      i++;
      List<String> body = new ArrayList<>();
      while (i < lines.size() && !header.matcher(lines.get(i)).matches()) {
        body.add(lines.get(i++));
      }
      if (body.isEmpty()) {
        warnings.add("item " + (out.size() + 1) + " ('" + h.group() + "') has no title: skipped");
        continue;
      }
      out.add(new ItemBlock(out.size() + 1, h, body));
    }
    return out;
  }

  String title() {
    return lines.get(0);
  }

  /** The lines from {@code index} on, joined by newlines ("" when there are none). */
  String join(int index) {
    return index >= lines.size() ? "" : String.join("\n", lines.subList(index, lines.size()));
  }
}
