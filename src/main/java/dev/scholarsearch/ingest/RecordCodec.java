package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import dev.scholarsearch.model.Researcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Listings, papers and researchers as compact bytes, for the corpus to wait on disk until it is indexed. Not a
 * storage format: written and read by the same run, so it has no version and no field names (the
 * index stores JSON records, which must outlive the code).
 */
final class RecordCodec {
  private static final Identifier.Kind[] KINDS = Identifier.Kind.values();

  private RecordCodec() {}

  static byte[] paper(Paper p) {
    return encode(out -> {
      out.str(p.id());
      out.str(p.title());
      out.strUnless(p.rawTitle(), p.title());
      out.str(p.abstractText());
      out.strUnless(p.rawAbstract(), p.abstractText());
      out.data.writeInt(p.authors().size());
      for (Authorship a : p.authors()) {
        out.str(a.name());
        out.str(a.researcherId());
      }
      out.data.writeInt(p.year());
      out.date(p.date());
      out.strs(p.categories());
      out.str(p.venue());
      out.str(p.type());
      out.data.writeBoolean(p.hasCode());
      out.score(p.score());
      out.str(p.url());
      out.str(p.affiliation());
      out.strs(p.sources());
      out.data.writeInt(p.versions().size());
      for (PaperVersion v : p.versions()) {
        out.str(v.title());
        out.str(v.source());
        out.data.writeInt(v.year());
      }
      out.ids(p.ids());
      out.strs(p.keywords());
    });
  }

  static Paper paper(byte[] bytes) {
    In in = new In(bytes);
    try {
      String id = in.str();
      String title = in.str();
      String rawTitle = in.strOr(title);
      String abstractText = in.str();
      String rawAbstract = in.strOr(abstractText);
      int n = in.data.readInt();
      List<Authorship> authors = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        authors.add(new Authorship(in.str(), in.str()));
      }
      int year = in.data.readInt();
      LocalDate date = in.date();
      List<String> categories = in.strs();
      String venue = in.str();
      String type = in.str();
      boolean hasCode = in.data.readBoolean();
      Double score = in.score();
      String url = in.str();
      String affiliation = in.str();
      List<String> sources = in.strs();
      int v = in.data.readInt();
      List<PaperVersion> versions = new ArrayList<>(v);
      for (int i = 0; i < v; i++) {
        versions.add(new PaperVersion(in.str(), in.str(), in.data.readInt()));
      }
      return new Paper(id, title, rawTitle, abstractText, rawAbstract, authors, year, date, categories, venue, type,
          hasCode, score, url, affiliation, sources, versions, in.ids(), in.strs());
    } catch (IOException e) {
      throw new UncheckedIOException("a spilled paper is not readable", e);
    }
  }

  /**
   * What a collection listing held in memory leaves out while the corpus is read: all but its record
   * id, identifiers, authors and year, which clustering and the researchers need of every listing.
   * The abstracts are put aside on their own.
   */
  static byte[] listingRest(Listing l) {
    return encode(out -> {
      out.str(l.source());
      out.str(l.title());
      out.strUnless(l.rawTitle(), l.title());
      out.str(l.affiliation());
      out.date(l.date());
      out.strs(l.categories());
      out.str(l.venue());
      out.str(l.type());
      out.data.writeBoolean(l.hasCode());
      out.score(l.score());
      out.str(l.url());
      out.strs(l.keywords());
    });
  }

  /** The listing whose {@link #listingRest} is {@code rest}, from what {@code kept} held of it (no abstract). */
  static Listing listing(byte[] rest, Listing kept) {
    In in = new In(rest);
    try {
      String source = in.str();
      String title = in.str();
      String rawTitle = in.strOr(title);
      String affiliation = in.str();
      LocalDate date = in.date();
      List<String> categories = in.strs();
      String venue = in.str();
      String type = in.str();
      boolean hasCode = in.data.readBoolean();
      Double score = in.score();
      return new Listing(source, kept.externalId(), title, rawTitle, "", "", kept.authors(), kept.authorsTruncated(),
          affiliation, kept.year(), date, categories, venue, type, hasCode, score, in.str(), kept.ids(), in.strs());
    } catch (IOException e) {
      throw new UncheckedIOException("a spilled listing is not readable", e);
    }
  }

  /** A researcher without profiles (those stay in memory: pages are few, and their stats have many shapes). */
  static byte[] researcher(Researcher r) {
    if (r.hasProfile()) {
      throw new IllegalArgumentException("researcher " + r.id() + " has a profile");
    }
    return encode(out -> {
      out.str(r.id());
      out.str(r.name());
      out.str(r.nameKey());
      out.strs(r.paperIds());
      out.ids(r.ids());
      out.strs(r.nameVariants());
    });
  }

  static Researcher researcher(byte[] bytes) {
    In in = new In(bytes);
    try {
      return new Researcher(in.str(), in.str(), in.str(), List.of(), in.strs(), in.ids(), in.strs());
    } catch (IOException e) {
      throw new UncheckedIOException("a spilled researcher is not readable", e);
    }
  }

  private interface Body {
    void write(Out out) throws IOException;
  }

  private static byte[] encode(Body body) {
    Out out = new Out();
    try {
      body.write(out);
      out.data.flush();
    } catch (IOException inMemory) {
      throw new UncheckedIOException(inMemory); // a byte array does not fail
    }
    return out.bytes.toByteArray();
  }

  private static final class Out {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    final DataOutputStream data = new DataOutputStream(bytes);

    void str(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      data.writeInt(b.length);
      data.write(b);
    }

    /** {@code s}, or a mark that it is {@code same} (a raw title is nearly always the cleaned one). */
    void strUnless(String s, String same) throws IOException {
      boolean differs = !s.equals(same);
      data.writeBoolean(differs);
      if (differs) {
        str(s);
      }
    }

    void date(LocalDate d) throws IOException {
      data.writeBoolean(d != null);
      if (d != null) {
        data.writeLong(d.toEpochDay());
      }
    }

    void score(Double score) throws IOException {
      data.writeBoolean(score != null);
      if (score != null) {
        data.writeDouble(score);
      }
    }

    void strs(List<String> list) throws IOException {
      data.writeInt(list.size());
      for (String s : list) {
        str(s);
      }
    }

    void ids(List<Identifier> ids) throws IOException {
      data.writeInt(ids.size());
      for (Identifier id : ids) {
        data.writeByte(id.kind().ordinal());
        str(id.value());
      }
    }
  }

  private static final class In {
    final DataInputStream data;

    In(byte[] bytes) {
      this.data = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    String str() throws IOException {
      int n = data.readInt();
      byte[] b = new byte[n];
      data.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    String strOr(String same) throws IOException {
      return data.readBoolean() ? str() : same;
    }

    LocalDate date() throws IOException {
      return data.readBoolean() ? LocalDate.ofEpochDay(data.readLong()) : null;
    }

    Double score() throws IOException {
      return data.readBoolean() ? data.readDouble() : null;
    }

    List<String> strs() throws IOException {
      int n = data.readInt();
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(str());
      }
      return out;
    }

    List<Identifier> ids() throws IOException {
      int n = data.readInt();
      List<Identifier> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new Identifier(KINDS[data.readByte()], str()));
      }
      return out;
    }
  }
}
