package dev.scholarsearch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Abstracts kept on disk, not on the heap, from the moment a collection is read until its papers
 * are indexed: they are most of a corpus's memory (about 1.1 of the 2.5 KB a paper of the 86k real
 * corpus held), and only the indexer needs them, one paper at a time.
 *
 * <p>The file is deleted as soon as it is created and lives on through the open channel and then
 * its memory map, so nothing is left behind however the run ends; its pages are the operating
 * system's to cache or drop. Written by one thread (the reader hands listings over in file order),
 * then {@link #seal sealed} and read from any number.
 */
final class AbstractSpill {
  private static final int BUFFER = 1 << 20;
  /** The file is mapped in pieces this large (a buffer can map at most 2 GiB), and no entry spans two. */
  static final int CHUNK_BITS = 30;

  private final int chunkBits;
  private final long chunk;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
  private long written;
  private long[] offsets = new long[1024];
  private int[] abstractBytes = new int[1024];
  /** The raw abstract's bytes, or -1 when it is the cleaned abstract itself. */
  private int[] rawBytes = new int[1024];
  private int[] abstractChars = new int[1024];
  private int size;
  private MappedByteBuffer[] mapped;
  private IOException failure;

  private AbstractSpill(FileChannel channel, int chunkBits) {
    this.channel = channel;
    this.chunkBits = chunkBits;
    this.chunk = 1L << chunkBits;
  }

  /** A spill in the temporary directory, or null when none can be made there: the caller keeps abstracts in memory. */
  static AbstractSpill open() {
    return open(CHUNK_BITS);
  }

  /** The same, mapped in pieces of 2^{@code chunkBits} bytes (tests make them small). */
  static AbstractSpill open(int chunkBits) {
    try {
      Path file = Files.createTempFile("scholar-abstracts-", ".spill");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        Files.delete(file); // Unix keeps an open file; elsewhere it stays until exit
      } catch (IOException notOnThisSystem) {
        file.toFile().deleteOnExit();
      }
      return new AbstractSpill(channel, chunkBits);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Stores a listing's abstracts; returns their slot, or -1 when the abstract is too long to put
   * aside (it stays in memory). A failed write fails the {@link #seal} that follows.
   */
  int put(String abstractText, String rawAbstract) {
    if (mapped != null) {
      throw new IllegalStateException("the spill is sealed");
    }
    byte[] cleaned = abstractText.getBytes(StandardCharsets.UTF_8);
    byte[] raw = rawAbstract.equals(abstractText) ? null : rawAbstract.getBytes(StandardCharsets.UTF_8);
    long length = cleaned.length + (raw == null ? 0L : raw.length);
    if (failure != null) {
      return -1;
    }
    try {
      if (length > chunk) {
        return -1; // no reader takes such a line, but no entry may span two pieces
      }
      if ((written & (chunk - 1)) + length > chunk) {
        write(new byte[(int) (chunk - (written & (chunk - 1)))]); // the next piece starts with this entry
      }
      long at = written;
      write(cleaned);
      if (raw != null) {
        write(raw);
      }
      return record(at, cleaned.length, raw, abstractText.length());
    } catch (IOException e) {
      failure = e; // what was buffered may be lost with it
      return -1;
    }
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

  private void write(byte[] bytes) throws IOException {
    int from = 0;
    while (from < bytes.length) {
      int n = Math.min(buffer.remaining(), bytes.length - from);
      buffer.put(bytes, from, n);
      from += n;
      written += n;
      if (!buffer.hasRemaining()) {
        drain();
      }
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /**
   * Ends the writing and maps the file for reading. A failure here loses every slot's abstract, so
   * the caller fails the build rather than index papers without them.
   */
  void seal() throws IOException {
    if (mapped != null) {
      return;
    }
    if (failure == null) {
      try {
        drain();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      try {
        channel.close(); // frees the space it took: the file has no name left
      } catch (IOException alsoGone) {
        failure.addSuppressed(alsoGone);
      }
      throw new IOException("cannot put the abstracts aside in " + System.getProperty("java.io.tmpdir") + " ("
          + failure.getMessage() + "); give the JVM another directory with -Djava.io.tmpdir=DIR", failure);
    }
    MappedByteBuffer[] pieces = new MappedByteBuffer[(int) ((written + chunk - 1) >>> chunkBits)];
    for (int i = 0; i < pieces.length; i++) {
      long from = (long) i << chunkBits;
      pieces[i] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(chunk, written - from));
    }
    channel.close(); // the maps stay valid, and are unmapped once unreachable
    mapped = pieces;
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
    if (mapped == null) {
      throw new IllegalStateException("the spill is read only once sealed");
    }
    byte[] bytes = new byte[length];
    mapped[(int) (at >>> chunkBits)].get((int) (at & (chunk - 1)), bytes); // absolute: safe from any thread
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private int check(int slot) {
    if (slot < 0 || slot >= size) {
      throw new IllegalArgumentException("no spilled abstract " + slot + " (" + size + " stored)");
    }
    return slot;
  }
}
