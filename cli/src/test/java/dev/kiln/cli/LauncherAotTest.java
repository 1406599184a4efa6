package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT start-up cache, in a stand-in kiln home (the real {@code kiln} script, a one-class jar,
 * the real JVM flags) so the test neither needs the CLI jar nor touches {@code cli/target}: the cache is
 * recorded once, reused, re-recorded when the jar changes, ignored without a word when it is corrupt, and
 * left alone with {@code KILN_AOT=0}; stdout is the command's own in every case.
 */
class LauncherAotTest {

    record Run(int code, String stdout, String stderr) {
    }

    private static Run launch(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("kiln").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile(home, "stderr", ".txt");
        pb.redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("KILN_NO_BUILD");
        pb.environment().remove("KILN_AOT");
        pb.environment().remove("KILN_AOT_CACHE");
        pb.environment().remove("KILN_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    /** A kiln home whose cli/target holds a jar running {@link LauncherProbe}, the real argfile, and the training script. */
    private static Path home(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("cli/target"));
        Files.createDirectories(target.resolve("lib"));
        Files.copy(LauncherTest.LAUNCHER, dir.resolve("kiln"));
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/aot-training.kiln"), "--help\n");
        Path argfile = LauncherTest.LAUNCHER.getParent().resolve("cli/target/kiln.argfile");
        Files.writeString(target.resolve("kiln.argfile"), Files.isRegularFile(argfile) ? Files.readString(argfile)
                : "--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED\n");
        writeJar(target.resolve("kiln.jar"), "");
        return dir;
    }

    private static void writeJar(Path jar, String comment) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf);
             InputStream cls = LauncherProbe.class.getResourceAsStream("/" + entry)) {
            j.setComment(comment);
            j.putNextEntry(new JarEntry(entry));
            cls.transferTo(j);
            j.closeEntry();
        }
    }

    @Test
    void theCacheIsRecordedOnceReusedRebuiltForANewJarAndACorruptOneIsIgnoredQuietly(@TempDir Path dir) throws Exception {
        Path home = home(dir);
        Path cache = home.resolve("cli/target/kiln.aot");

        Run first = launch(home, Map.of(), "hello", "world");
        assertEquals(0, first.code(), first.stderr());
        assertEquals("probe hello world\n", first.stdout());
        assertTrue(first.stderr().contains("start-up cache ready"), first.stderr());
        assertTrue(Files.size(cache) > 0, "cache recorded");

        Run second = launch(home, Map.of(), "again");
        assertEquals("probe again\n", second.stdout());
        assertFalse(second.stderr().contains("recording"), "a current cache is not recorded again: " + second.stderr());
        Run used = launch(home, Map.of("KILN_JAVA_OPTS", "-Xlog:aot=info"), "x");
        assertTrue(used.stdout().contains("Opened AOT cache " + cache), "the JVM maps the cache: " + used.stdout());

        writeJar(home.resolve("cli/target/kiln.jar"), "rebuilt, a different size");
        Run rebuilt = launch(home, Map.of(), "new");
        assertEquals("probe new\n", rebuilt.stdout());
        assertTrue(rebuilt.stderr().contains("recording the start-up cache"), "a new jar re-records: " + rebuilt.stderr());

        Files.writeString(cache, "not an AOT cache");
        Run corrupt = launch(home, Map.of("KILN_NO_BUILD", "1"), "still");
        assertEquals(0, corrupt.code(), corrupt.stderr());
        assertEquals("probe still\n", corrupt.stdout(), "a corrupt cache changes nothing the command prints");
        assertEquals("", corrupt.stderr());
    }

    @Test
    void kilnAot0NeitherRecordsNorUsesACacheAndJdkAndVersionNeedNone(@TempDir Path dir) throws Exception {
        Path home = home(dir);
        Run off = launch(home, Map.of("KILN_AOT", "0", "KILN_JAVA_OPTS", "-Xlog:aot=info"), "off");
        assertEquals(0, off.code(), off.stderr());
        assertTrue(off.stdout().endsWith("probe off\n"), off.stdout());
        assertFalse(off.stdout().contains("Opened AOT cache"), off.stdout());
        assertFalse(Files.exists(home.resolve("cli/target/kiln.aot")), "nothing recorded");
        Run version = launch(home, Map.of(), "--version");
        assertEquals("probe --version\n", version.stdout());
        assertFalse(Files.exists(home.resolve("cli/target/kiln.aot")), "--version (like --help) runs without the cache");
        Run jdk = launch(home, Map.of(), "jdk");
        assertEquals(System.getProperty("java.home") + " (Java " + Runtime.version().feature() + ")", jdk.stdout().strip());
        assertFalse(Files.exists(home.resolve("cli/target/kiln.aot")), "./kiln jdk records nothing");
    }
}
