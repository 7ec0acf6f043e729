package dev.scholarsearch.embed;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors on disk, keyed by a hash of the model and the exact text embedded, so a paper whose title
 * and abstract did not change is never embedded again, whatever its id or input file.
 *
 * <p>One append-only file per model: a header, then fixed-size records (16-byte key, then the
 * vector as little-endian floats). Records are appended as soon as a batch is embedded, so an
 * interrupted run keeps what it embedded; a torn last record is cut off on the next open. Only the
 * keys are held in memory (about 40 bytes a paper); vectors are read from the file when a document
 * is built. An exclusive lock keeps two index runs from appending at once: the second runs without
 * the cache rather than waiting, its vectors in a temporary file of its own (a million of them are
 * 1.5 GB, more than the heap a build is given).
 */
public final class VectorCache implements Closeable {
  private static final int MAGIC = 0x53535643; // "SSVC"
  private static final int HEADER_BYTES = 16;

  /** A text's cache key: the first 128 bits of SHA-256 over the model name and the text. */
  public record Key(long hi, long lo) {}

  private final Path file;
  private final String model;
  private final int dims;
  private final int recordBytes;
  private final FileChannel channel;
  private final FileLock lock;
  /** Whether the channel is the cache's own file (not a temporary one, gone when the run ends). */
  private final boolean kept;
  private final Map<Key, Long> positions = new HashMap<>();
  /** Where vectors go when not even a temporary file can be made: this run still needs them. */
  private final Map<Key, float[]> memory = new java.util.concurrent.ConcurrentHashMap<>();
  private long end;

  private VectorCache(Path file, String model, int dims, FileChannel channel, FileLock lock, boolean kept) {
    this.file = file;
    this.model = model;
    this.dims = dims;
    this.recordBytes = 16 + 4 * dims;
    this.channel = channel;
    this.lock = lock;
    this.kept = kept;
  }

  /**
   * Opens (or creates) the cache for {@code model} in {@code dir}. When another process holds it,
   * or it cannot be created (a read-only disk), the result is an empty cache that keeps vectors for
   * this run only (see {@link #none}).
   */
  public static VectorCache open(Path dir, String model, int dims) throws IOException {
    Path file = dir.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    FileChannel ch;
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      return forThisRun(file, model, dims);
    }
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      return forThisRun(file, model, dims);
    }
    VectorCache cache = new VectorCache(file, model, dims, ch, lock, true);
    try {
      cache.load();
    } catch (IOException | RuntimeException e) {
      cache.close();
      throw e;
    }
    return cache;
  }

  /**
   * An empty cache whose vectors last this run only: in a temporary file, deleted as soon as it is
   * made (it lives on through its channel, so nothing is left behind however the run ends), or in
   * memory when no temporary file can be made.
   */
  public static VectorCache none(String model, int dims) {
    return forThisRun(null, model, dims);
  }

  private static VectorCache forThisRun(Path file, String model, int dims) {
    FileChannel ch = null;
    try {
      Path tmp = Files.createTempFile("scholar-vectors-", ".spill");
      ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
      Files.deleteIfExists(tmp);
      VectorCache cache = new VectorCache(file, model, dims, ch, null, false);
      cache.load();
      return cache;
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // nothing was written to it
      }
      return new VectorCache(file, model, dims, null, null, false);
    }
  }

  private void load() throws IOException {
    long size = channel.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    if (size < HEADER_BYTES) {
      header.putInt(MAGIC).putInt(1).putInt(dims).putInt(0).flip();
      channel.truncate(0);
      channel.write(header, 0);
      end = HEADER_BYTES;
      return;
    }
    channel.read(header, 0);
    header.flip();
    if (header.getInt() != MAGIC || header.getInt() != 1 || header.getInt() != dims) {
      throw new IOException("vector cache " + file + " is not a cache of " + dims + "-dimension vectors; delete it to start over");
    }
    long records = (size - HEADER_BYTES) / recordBytes;
    end = HEADER_BYTES + records * recordBytes;
    if (end != size) {
      channel.truncate(end); // a torn record from an interrupted run
    }
    ByteBuffer key = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (long pos = HEADER_BYTES; pos < end; pos += recordBytes) {
      key.clear();
      channel.read(key, pos);
      key.flip();
      positions.put(new Key(key.getLong(), key.getLong()), pos + 16);
    }
  }

  /** The key of {@code text} under this cache's model. */
  public Key key(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] d = sha.digest(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
      return new Key(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean contains(Key key) {
    return positions.containsKey(key) || memory.containsKey(key);
  }

  /** The cached vector, or null. Safe to call from many threads once the appends are done. */
  public float[] get(Key key) throws IOException {
    Long pos = positions.get(key);
    if (pos == null) {
      return memory.get(key);
    }
    ByteBuffer buf = ByteBuffer.allocate(4 * dims).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining()) {
      if (channel.read(buf, pos + buf.position()) < 0) {
        throw new IOException("vector cache " + file + " ended early");
      }
    }
    buf.flip();
    float[] v = new float[dims];
    buf.asFloatBuffer().get(v);
    return v;
  }

  /** Appends vectors for these keys (kept in memory, for this run only, when there is no file at all). */
  public void putAll(List<Key> keys, List<float[]> vectors) throws IOException {
    if (channel == null) {
      for (int i = 0; i < keys.size(); i++) {
        memory.put(keys.get(i), vectors.get(i));
      }
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate(recordBytes * keys.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < keys.size(); i++) {
      float[] v = vectors.get(i);
      if (v.length != dims) {
        throw new IllegalArgumentException("expected " + dims + " dimensions, got " + v.length);
      }
      buf.putLong(keys.get(i).hi()).putLong(keys.get(i).lo());
      for (float x : v) {
        buf.putFloat(x);
      }
    }
    buf.flip();
    long pos = end;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
    for (int i = 0; i < keys.size(); i++) {
      positions.put(keys.get(i), end + (long) i * recordBytes + 16);
    }
    end = pos;
  }

  /** Whether vectors are kept for later runs (false when another run holds the cache, or the disk is read-only). */
  public boolean persistent() {
    return kept;
  }

  /** The model whose vectors this cache holds. */
  public String model() {
    return model;
  }

  public int size() {
    return positions.size() + memory.size();
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      try {
        if (lock != null && lock.isValid()) {
          lock.release();
        }
      } finally {
        channel.close();
      }
    }
  }
}
