package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Corpus;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Papers or researchers kept on disk from the moment they are made, each read back whole when
 * {@link #get} asks for it: a million merged papers held about 600 MB of heap even without their
 * abstracts, and their researchers about 370 MB, through the whole of indexing. A few records may
 * stay in memory (researchers with profiles); the list is sorted by the key each record was given.
 *
 * @param <T> the record
 */
final class SpilledRecords<T> extends AbstractList<T> implements Corpus.BuiltOnDemand<T> {
  /** Makes a record from its bytes and the tag it was stored with. */
  interface Decoder<T> {
    T decode(byte[] bytes, int tag);
  }

  private final SpillFile file;
  private final long[] at;
  private final int[] length;
  private final int[] tags;
  /** The records held in memory, at their index; null where the record is on disk (or, when none is, no array). */
  private final Object[] kept;
  private final Decoder<T> decoder;

  private SpilledRecords(SpillFile file, long[] at, int[] length, int[] tags, Object[] kept, Decoder<T> decoder) {
    this.file = file;
    this.at = at;
    this.length = length;
    this.tags = tags;
    this.kept = kept;
    this.decoder = decoder;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    if (kept != null && kept[index] != null) {
      return (T) kept[index];
    }
    return decoder.decode(file.read(at[index], length[index]), tags[index]);
  }

  /** The tag the record at {@code index} was stored with. */
  int tag(int index) {
    return tags[index];
  }

  @Override
  public int size() {
    return at.length;
  }

  /** Takes the records as they are made, in any order. */
  static final class Writer<T> {
    private final SpillFile file;
    private long[] at = new long[1024];
    private int[] length = new int[1024];
    private int[] tags = new int[1024];
    private String[] keys = new String[1024];
    private Object[] kept;
    private int size;

    private Writer(SpillFile file) {
      this.file = file;
    }

    /** A writer of {@code what} ("papers") in the temporary directory, or null when no file can be made there. */
    static <T> Writer<T> open(String what) {
      return open(what, SpillFile.CHUNK_BITS);
    }

    static <T> Writer<T> open(String what, int chunkBits) {
      SpillFile file = SpillFile.open(what, chunkBits);
      return file == null ? null : new Writer<>(file);
    }

    /**
     * Puts a record aside as {@code bytes}, to sort by {@code key} (null when the records stay in the
     * order added); {@code tag} goes to the decoder with it.
     */
    void add(String key, byte[] bytes, int tag) {
      grow();
      at[size] = file.append(bytes);
      length[size] = bytes.length;
      tags[size] = tag;
      keys[size++] = key;
    }

    /** Holds {@code record} in memory, to sort by {@code key}. */
    void keep(String key, T record) {
      grow();
      if (kept == null) {
        kept = new Object[at.length];
      }
      kept[size] = record;
      keys[size++] = key;
    }

    private void grow() {
      if (size == at.length) {
        int n = size * 2;
        at = Arrays.copyOf(at, n);
        length = Arrays.copyOf(length, n);
        tags = Arrays.copyOf(tags, n);
        keys = Arrays.copyOf(keys, n);
      }
      if (kept != null && kept.length < at.length) {
        kept = Arrays.copyOf(kept, at.length);
      }
    }

    /** The records, sorted by key (ties in the order added); a failed write fails here, with the directory named. */
    SpilledRecords<T> finish(Decoder<T> decoder) throws IOException {
      seal();
      String[] byIndex = keys;
      int[] order = IntStream.range(0, size).boxed().sorted(Comparator.comparing(i -> byIndex[i]))
          .mapToInt(Integer::intValue).toArray();
      keys = null;
      Object[] sortedKept = kept == null ? null : Arrays.stream(order).mapToObj(i -> kept[i]).toArray();
      return new SpilledRecords<>(file, Arrays.stream(order).mapToLong(i -> at[i]).toArray(),
          Arrays.stream(order).map(i -> length[i]).toArray(), Arrays.stream(order).map(i -> tags[i]).toArray(),
          sortedKept, decoder);
    }

    /** The records in the order added (their keys, which may be null, are not looked at). */
    SpilledRecords<T> finishInOrder(Decoder<T> decoder) throws IOException {
      seal();
      keys = null;
      return new SpilledRecords<>(file, Arrays.copyOf(at, size), Arrays.copyOf(length, size), Arrays.copyOf(tags, size),
          kept == null ? null : Arrays.copyOf(kept, size), decoder);
    }

    private void seal() throws IOException {
      file.seal();
      for (int i = 0; i < size; i++) {
        if ((kept == null || kept[i] == null) && at[i] < 0) {
          throw new IOException("a record is too large to put aside (larger than a map piece)");
        }
      }
    }
  }
}
