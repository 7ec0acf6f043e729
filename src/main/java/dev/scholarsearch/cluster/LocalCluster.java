package dev.scholarsearch.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real SolrCloud on loopback, for trying the cluster backend out and for tests: ZooKeeper and N
 * Solr 9 nodes in a JVM of their own (Solr 9 is built on Lucene 9, which cannot share this JVM's
 * classpath). That JVM's code and classpath are a Maven project of their own, {@code src/solr/},
 * built on first use with the project's Maven wrapper; nothing else is downloaded. The nodes'
 * data is in a temporary directory, deleted when the cluster stops. The cluster also stops when
 * this JVM ends, however it ends: the nodes' JVM exits when its standard input closes.
 */
public final class LocalCluster implements AutoCloseable {
  private static final long START_TIMEOUT_S = 180;

  private final Process process;
  private final Path dir;
  private final List<String> hosts;
  private final BlockingQueue<String> replies;

  private LocalCluster(Process process, Path dir, List<String> hosts, BlockingQueue<String> replies) {
    this.process = process;
    this.dir = dir;
    this.hosts = List.copyOf(hosts);
    this.replies = replies;
  }

  /**
   * Starts {@code nodes} nodes and returns once every one is live. {@code project} is the project's
   * folder (with {@code mvnw} and {@code src/solr/}); {@code progress} hears of a first build.
   */
  public static LocalCluster start(Path project, int nodes, Consumer<String> progress) throws IOException {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("--nodes must be between 1 and 9, got " + nodes);
    }
    Path classpath = ensureBuilt(project, progress);
    Path dir = Files.createTempDirectory("scholar-cluster-");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = List.of(java.toString(), "-Xmx1g", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
        "-cp", Files.readString(classpath).strip(), "dev.scholarsearch.solr.ClusterMain", Integer.toString(nodes),
        dir.resolve("nodes").toString());
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("solr.log").toFile()).start();
    BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    CompletableFuture<List<String>> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(p, ready, replies), "cluster-output");
    reader.setDaemon(true);
    reader.start();
    try {
      List<String> hosts = ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
      return new LocalCluster(p, dir, hosts, replies);
    } catch (ExecutionException | TimeoutException e) {
      String log = tail(dir.resolve("solr.log"));
      p.destroyForcibly();
      delete(dir);
      throw new IOException("the local cluster did not start" + (e instanceof TimeoutException ? " within "
          + START_TIMEOUT_S + " s" : ": " + e.getCause().getMessage()) + "; the nodes' log ends:\n" + log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      delete(dir);
      throw new IOException("interrupted while the cluster started", e);
    }
  }

  /** The URL of collection alias {@code name} on this cluster, every node listed. */
  public EngineUrl url(String name) {
    return new EngineUrl(hosts, name);
  }

  public List<String> hosts() {
    return hosts;
  }

  /** Stops node {@code i} (0-based), as a crash would take it away; its replicas are then down. */
  public void stopNode(int i) throws IOException {
    command("stop " + i, "stopped " + i);
  }

  /** Starts node {@code i} again on its port. */
  public void startNode(int i) throws IOException {
    command("start " + i, "started " + i);
  }

  /** Whether the nodes' JVM still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the nodes' JVM ends, by a stop or on its own; returns its exit status. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        command("quit", "quit");
      }
    } catch (IOException e) {
      // Stopping anyway, below.
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
    delete(dir);
  }

  private synchronized void command(String line, String expected) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    try {
      String reply = replies.poll(90, TimeUnit.SECONDS);
      if (reply == null || !reply.startsWith(expected)) {
        throw new IOException("the cluster answered '" + line + "' with " + (reply == null ? "nothing in 90 s" : reply));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void read(Process p, CompletableFuture<List<String>> ready, BlockingQueue<String> replies) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("nodes: ") && !ready.isDone()) {
          ready.complete(Arrays.asList(line.substring("nodes: ".length()).split(",")));
        } else {
          replies.add(line);
        }
      }
    } catch (IOException e) {
      // The process is gone; whoever waits hears of it below.
    }
    ready.completeExceptionally(new IOException("the nodes' JVM exited with status " + exit(p)));
  }

  private static String exit(Process p) {
    try {
      return Integer.toString(p.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * The nodes' classpath file, building {@code src/solr/} first when its jar is missing or older
   * than its sources: a first run fetches Solr's jars through Maven, once.
   */
  static Path ensureBuilt(Path project, Consumer<String> progress) throws IOException {
    Path target = project.resolve("target/solr");
    Path jar = target.resolve("scholar-search-solr.jar");
    Path classpath = target.resolve("classpath.txt");
    Path sources = project.resolve("src/solr");
    if (!Files.isDirectory(sources)) {
      throw new IOException("no " + sources + ": the local cluster is built from the project's sources; run it from "
          + "the project's folder (or set -Dscholar.home)");
    }
    if (Files.exists(jar) && Files.exists(classpath) && !newer(sources, Files.getLastModifiedTime(jar).toMillis())) {
      return withJar(classpath, jar);
    }
    progress.accept("building the local cluster's Solr nodes (src/solr; the first build fetches Solr's jars)...");
    Path mvnw = project.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw");
    Files.createDirectories(target);
    Path log = target.resolve("build.log");
    ProcessBuilder pb = new ProcessBuilder(mvnw.toString(), "-q", "-B", "-f", sources.resolve("pom.xml").toString(),
        "package").directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      int code = pb.start().waitFor();
      if (code != 0) {
        throw new IOException("building src/solr failed (exit " + code + "); its output ends:\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building src/solr", e);
    }
    return withJar(classpath, jar);
  }

  /** The classpath with the nodes' own jar in front, written beside Maven's. */
  private static Path withJar(Path classpath, Path jar) throws IOException {
    Path full = classpath.resolveSibling("classpath-with-jar.txt");
    Files.writeString(full, jar + java.io.File.pathSeparator + Files.readString(classpath).strip());
    return full;
  }

  private static boolean newer(Path dir, long than) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).anyMatch(f -> {
        try {
          return Files.getLastModifiedTime(f).toMillis() > than;
        } catch (IOException e) {
          return true;
        }
      });
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
      for (Path f : all) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // A temporary directory: what is left is the system's to clean.
    }
  }
}
