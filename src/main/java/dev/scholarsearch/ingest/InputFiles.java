package dev.scholarsearch.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Expands the inputs named on the command line into the files to read: directories are walked
 * (following links, with loops detected and reported), and files are kinded by name.
 *
 * @param pages profile pages ({@code .txt}, or any file named directly)
 * @param collections paper collections: JSON Lines ({@code .jsonl}, {@code .ndjson}, gzipped or
 *     not), JSON documents ({@code .json}, {@code .json.gz}), BibTeX ({@code .bib}) and RIS ({@code .ris})
 * @param skipped what could not be read, with the reason
 */
public record InputFiles(List<Path> pages, List<Path> collections, List<Skip> skipped) {

  /** A path that was not read, and why. */
  public record Skip(String path, String reason) {}

  public InputFiles {
    pages = List.copyOf(pages);
    collections = List.copyOf(collections);
    skipped = List.copyOf(skipped);
  }

  /** Walks the inputs; a missing or unreadable input is reported, never thrown. */
  public static InputFiles scan(List<Path> inputs) {
    TreeSet<Path> pages = new TreeSet<>();
    TreeSet<Path> jsonl = new TreeSet<>();
    List<Skip> skipped = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        skipped.add(new Skip(input.toString(), "does not exist"));
      } else if (Files.isDirectory(input)) {
        walk(input, pages, jsonl, skipped);
      } else {
        classify(input, true, pages, jsonl, skipped);
      }
    }
    return new InputFiles(new ArrayList<>(pages), new ArrayList<>(jsonl), skipped);
  }

  /** Every file that will be read, pages first. */
  public List<Path> all() {
    List<Path> out = new ArrayList<>(pages);
    out.addAll(collections);
    return out;
  }

  /**
   * A hash of every file's path, size and modification time (and of what was skipped): when it is
   * unchanged, re-indexing would produce the same index.
   */
  public String fingerprint(String salt) {
    StringBuilder sb = new StringBuilder(salt);
    for (Path p : all()) {
      sb.append('\n').append(p);
      try {
        sb.append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis());
      } catch (IOException e) {
        sb.append("|unreadable");
      }
    }
    skipped.forEach(s -> sb.append("\nskip:").append(s.path()));
    return TextKeys.hash(sb.toString(), 16);
  }

  /** The format of a collection file, told by its name. */
  public enum Format { JSONL, JSON, BIBTEX, RIS }

  /** The collection format of {@code p}, or null when it is not a collection (a page, say). */
  public static Format formatOf(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (n.endsWith(".json")) {
      return Format.JSON;
    }
    if (n.endsWith(".bib") || n.endsWith(".bibtex")) {
      return Format.BIBTEX;
    }
    return n.endsWith(".ris") ? Format.RIS : null;
  }

  private static void classify(Path file, boolean named, TreeSet<Path> pages, TreeSet<Path> jsonl, List<Skip> skipped) {
    Path p = file.toAbsolutePath().normalize();
    if (!Files.isReadable(p)) {
      skipped.add(new Skip(file.toString(), "not readable (permission denied)"));
    } else if (!Files.isRegularFile(p)) {
      skipped.add(new Skip(file.toString(), "not a regular file"));
    } else if (formatOf(p) != null) {
      jsonl.add(p);
    } else if (named || p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
      pages.add(p);
    } else {
      skipped.add(new Skip(file.toString(), "not an input: pages are .txt files, collections .jsonl, .json, .bib or .ris (.jsonl and .json may be gzipped)"));
    }
  }

  private static void walk(Path dir, TreeSet<Path> pages, TreeSet<Path> jsonl, List<Skip> skipped) {
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 32, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          String n = d.getFileName() == null ? "" : d.getFileName().toString();
          return n.startsWith(".") && !d.equals(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (!f.getFileName().toString().startsWith(".")) {
            classify(f, false, pages, jsonl, skipped);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          String reason = e instanceof FileSystemLoopException ? "symbolic link loop" : "cannot be read: " + e;
          skipped.add(new Skip(f.toString(), reason));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      skipped.add(new Skip(dir.toString(), "cannot be walked: " + e.getMessage()));
    }
  }
}
