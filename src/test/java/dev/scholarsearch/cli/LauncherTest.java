package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code scholar} launcher as a user meets it, with a probe jar in place of the real one (so
 * nothing is built): the JVM's incubator-module warning is gone from stderr and everything else
 * passes through, stdin reaches the program, its exit status is the launcher's, and a SIGTERM to
 * the launcher stops the JVM cleanly (its shutdown hooks run) instead of orphaning it.
 */
class LauncherTest {
  private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

  @TempDir
  static Path home;

  /** A copy of the launcher beside target/scholar-search.jar holding only {@link LauncherProbe}. */
  @BeforeAll
  static void install() throws IOException {
    Files.copy(Path.of("scholar"), home.resolve("scholar"));
    Files.createDirectories(home.resolve("target"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(home.resolve("target/scholar-search.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(Files.readAllBytes(Path.of("target/test-classes").resolve(entry)));
      jar.closeEntry();
    }
  }

  static Process launch(String... args) throws IOException {
    String[] cmd = new String[args.length + 2];
    cmd[0] = "bash";
    cmd[1] = home.resolve("scholar").toString();
    System.arraycopy(args, 0, cmd, 2, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("SCHOLAR_JAVA_OPTS");
    return pb.start();
  }

  static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void theIncubatorWarningIsDroppedAndEverythingElsePasses() throws Exception {
    Process p = launch("streams", "3");
    String out = read(p.getInputStream());
    String err = read(p.getErrorStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), "the program's exit status: " + err);
    assertEquals("to stdout\n", out);
    assertEquals("to stderr\n", err, "only the program's own line");

    // The JVM does print the warning with the launcher's flags: the filter is what removes it.
    Process raw = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "-version").start();
    String rawErr = read(raw.getErrorStream());
    raw.waitFor(60, TimeUnit.SECONDS);
    assertTrue(rawErr.contains(WARNING), rawErr);
  }

  @Test
  void stdinReachesTheProgram() throws Exception {
    Process p = launch("stdin");
    try (OutputStream in = p.getOutputStream()) {
      in.write("hello\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("read: hello\n", read(p.getInputStream()));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }

  @Test
  void sigtermToTheLauncherStopsTheJvmCleanly() throws Exception {
    Process p = launch("wait");
    String ready = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertTrue(ready != null && ready.startsWith("ready "), String.valueOf(ready));
    long jvm = Long.parseLong(ready.substring("ready ".length()));
    p.toHandle().destroy(); // SIGTERM to bash, as kill or a service manager sends it
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ends");
    String err = read(p.getErrorStream());
    assertEquals(143, p.exitValue(), err);
    assertTrue(err.contains("probe: shut down cleanly"), "the JVM's shutdown hooks ran: " + err);
    assertFalse(err.contains(WARNING), err);
    assertFalse(ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false), "no JVM is left behind");
  }
}
