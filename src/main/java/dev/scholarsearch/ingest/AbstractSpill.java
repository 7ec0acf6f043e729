package dev.scholarsearch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Abstracts kept on disk, not on the heap, from the moment a collection is read until its papers
 * are indexed: they are most of a corpus's memory (about 1.1 of the 2.5 KB a paper of the 86k real
 * corpus held), and only the indexer needs them, one paper at a time. Written by one thread (the
 * reader hands listings over in file order), then {@link #seal sealed} and read from any number.
 */
final class AbstractSpill {
  private final SpillFile file;
  private long[] offsets = new long[1024];
  private int[] abstractBytes = new int[1024];
  /** The raw abstract's bytes, or -1 when it is the cleaned abstract itself. */
  private int[] rawBytes = new int[1024];
  private int[] abstractChars = new int[1024];
  private int size;

  private AbstractSpill(SpillFile file) {
    this.file = file;
  }

  /** A spill in the temporary directory, or null when none can be made there: the caller keeps abstracts in memory. */
  static AbstractSpill open() {
    return open(SpillFile.CHUNK_BITS);
  }

  /** The same, mapped in pieces of 2^{@code chunkBits} bytes (tests make them small). */
  static AbstractSpill open(int chunkBits) {
    SpillFile file = SpillFile.open("abstracts", chunkBits);
    return file == null ? null : new AbstractSpill(file);
  }

  /**
   * Stores a listing's abstracts; returns their slot, or -1 when the abstract is too long to put
   * aside (it stays in memory). A failed write fails the {@link #seal} that follows.
   */
  int put(String abstractText, String rawAbstract) {
    if (file.sealed()) {
      throw new IllegalStateException("the spill is sealed");
    }
    byte[] cleaned = abstractText.getBytes(StandardCharsets.UTF_8);
    byte[] raw = rawAbstract.equals(abstractText) ? null : rawAbstract.getBytes(StandardCharsets.UTF_8);
    long at = raw == null ? file.append(cleaned) : file.append(cleaned, raw);
    return at < 0 ? -1 : record(at, cleaned.length, raw, abstractText.length());
  }

  private int record(long at, int cleaned, byte[] raw, int chars) {
    if (size == offsets.length) {
      int n = size * 2;
      offsets = Arrays.copyOf(offsets, n);
      abstractBytes = Arrays.copyOf(abstractBytes, n);
      rawBytes = Arrays.copyOf(rawBytes, n);
      abstractChars = Arrays.copyOf(abstractChars, n);
    }
    offsets[size] = at;
    abstractBytes[size] = cleaned;
    rawBytes[size] = raw == null ? -1 : raw.length;
    abstractChars[size] = chars;
    return size++;
  }

  /**
   * Ends the writing and maps the file for reading. A failure here loses every slot's abstract, so
   * the caller fails the build rather than index papers without them.
   */
  void seal() throws IOException {
    file.seal();
  }

  /** The cleaned abstract's length in chars, known without reading it back (the merge picks the longest). */
  int abstractLength(int slot) {
    return abstractChars[check(slot)];
  }

  String abstractText(int slot) {
    return read(offsets[check(slot)], abstractBytes[slot]);
  }

  String rawAbstract(int slot) {
    int raw = rawBytes[check(slot)];
    return raw < 0 ? abstractText(slot) : read(offsets[slot] + abstractBytes[slot], raw);
  }

  private String read(long at, int length) {
    return new String(file.read(at, length), StandardCharsets.UTF_8);
  }

  private int check(int slot) {
    if (slot < 0 || slot >= size) {
      throw new IllegalArgumentException("no spilled abstract " + slot + " (" + size + " stored)");
    }
    return slot;
  }
}
