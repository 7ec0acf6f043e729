package dev.scholarsearch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes kept on disk, not on the heap, while a corpus is built: appended by one thread, then
 * {@link #seal sealed} and read back from any number.
 *
 * <p>The file is deleted as soon as it is created and lives on through the open channel and then
 * its memory map, so nothing is left behind however the run ends; its pages are the operating
 * system's to cache or drop.
 */
final class SpillFile {
  private static final int BUFFER = 1 << 20;
  /** The file is mapped in pieces this large (a buffer can map at most 2 GiB), and no entry spans two. */
  static final int CHUNK_BITS = 30;

  /** What is spilled, as the error names it: "abstracts", "papers". */
  private final String what;
  private final int chunkBits;
  private final long chunk;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
  private long written;
  private MappedByteBuffer[] mapped;
  private IOException failure;

  private SpillFile(String what, FileChannel channel, int chunkBits) {
    this.what = what;
    this.channel = channel;
    this.chunkBits = chunkBits;
    this.chunk = 1L << chunkBits;
  }

  /**
   * A spill in the temporary directory, mapped in pieces of 2^{@code chunkBits} bytes (tests make
   * them small), or null when none can be made there: the caller keeps what it would spill in memory.
   */
  static SpillFile open(String what, int chunkBits) {
    try {
      Path file = Files.createTempFile("scholar-" + what + "-", ".spill");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        Files.delete(file); // Unix keeps an open file; elsewhere it stays until exit
      } catch (IOException notOnThisSystem) {
        file.toFile().deleteOnExit();
      }
      return new SpillFile(what, channel, chunkBits);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Appends {@code parts} as one entry, in one map piece; returns where it starts, or -1 when it is
   * larger than a piece or an earlier write failed. A failed write fails the {@link #seal} that follows.
   */
  long append(byte[]... parts) {
    if (mapped != null) {
      throw new IllegalStateException("the spill is sealed");
    }
    long length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    if (failure != null || length > chunk) {
      return -1; // no reader takes such a line, but no entry may span two pieces
    }
    try {
      if ((written & (chunk - 1)) + length > chunk) {
        write(new byte[(int) (chunk - (written & (chunk - 1)))]); // the next piece starts with this entry
      }
      long at = written;
      for (byte[] p : parts) {
        write(p);
      }
      return at;
    } catch (IOException e) {
      failure = e; // what was buffered may be lost with it
      return -1;
    }
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
   * Ends the writing and maps the file for reading. A failure here loses every entry, so the caller
   * fails the build rather than index papers without them.
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
      throw new IOException("cannot put the " + what + " aside in " + System.getProperty("java.io.tmpdir") + " ("
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

  boolean sealed() {
    return mapped != null;
  }

  /** The {@code length} bytes at {@code at}; safe from any thread once sealed. */
  byte[] read(long at, int length) {
    if (mapped == null) {
      throw new IllegalStateException("the spill is read only once sealed");
    }
    byte[] bytes = new byte[length];
    mapped[(int) (at >>> chunkBits)].get((int) (at & (chunk - 1)), bytes); // absolute: no shared position
    return bytes;
  }
}
