package dev.scholarsearch.index;

import dev.scholarsearch.model.Paper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.lucene.util.BytesRef;

/**
 * A fingerprint of everything one document is built from, indexed with it. An index update keeps a
 * document whose fingerprint the new corpus still produces, and deletes the others: equal
 * fingerprints mean the document would be built byte for byte the same again.
 *
 * <p>The first byte tells papers from researchers, so an update can report them apart; the other
 * 16 are the start of a SHA-256 over the stored record (which holds every indexed value) and
 * whatever else goes into the document: the vector model for a paper, the titles for a researcher.
 */
public final class ContentHash {
  static final byte PAPER = 'p';
  static final byte RESEARCHER = 'r';
  private static final int LENGTH = 17;

  private ContentHash() {}

  /** The paper's fingerprint; {@code vectorModel} is "" when it is indexed without a vector. */
  public static BytesRef of(Paper p, String vectorModel) {
    return ofPaperRecord(RecordJson.write(p), vectorModel);
  }

  /** The same from the paper's record as {@link RecordJson} writes it, for a caller that has it already. */
  public static BytesRef ofPaperRecord(String record, String vectorModel) {
    return hash(PAPER, record, vectorModel);
  }

  /** The fingerprint of a researcher document, from the record JSON it stores (its only content). */
  public static BytesRef ofResearcherRecord(String record) {
    return hash(RESEARCHER, record, "");
  }

  /** Whether a fingerprint read from the index is a paper's. */
  static boolean isPaper(BytesRef hash) {
    return hash.length == LENGTH && hash.bytes[hash.offset] == PAPER;
  }

  private static BytesRef hash(byte kind, String record, String extra) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    sha.update(record.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(extra.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[LENGTH];
    out[0] = kind;
    System.arraycopy(sha.digest(), 0, out, 1, LENGTH - 1);
    return new BytesRef(out);
  }
}
