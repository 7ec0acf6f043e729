package dev.scholarsearch.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but never holds more than
 * {@code maxChars} of one line: the rest of an over-long line is skipped and the line is flagged,
 * so a 20 MB line costs no more memory than a short one.
 */
final class BoundedLineReader implements AutoCloseable {
  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[8192];
  private int pos;
  private int end;
  private boolean truncated;
  private long lineNumber;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, or null at the end of input. */
  String readLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    truncated = false;
    boolean any = false;
    while (true) {
      if (pos >= end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          lineNumber++;
          return sb.toString();
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      int len = pos - start;
      int room = maxChars - sb.length();
      if (len > room) {
        truncated = true;
      }
      sb.append(buf, start, Math.min(len, Math.max(room, 0)));
      if (pos < end) {
        pos++; // the '\n'
        lineNumber++;
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
          sb.setLength(n - 1);
        }
        return sb.toString();
      }
    }
  }

  /** Whether the line last returned was longer than the limit (and was cut). */
  boolean truncated() {
    return truncated;
  }

  /** The 1-based number of the line last returned. */
  long lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
