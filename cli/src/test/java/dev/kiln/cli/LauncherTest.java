package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./kiln launcher script: JDK discovery and its error message (the build itself is not re-run here). */
class LauncherTest {

    static final Path LAUNCHER = SampleCorpus.dir().getParent().resolve("kiln");

    record Result(int code, String output) {
    }

    static Result launch(List<String> args, String javaHome, String jvmDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString())));
        pb.command().addAll(args);
        pb.redirectErrorStream(true);
        pb.environment().put("KILN_NO_BUILD", "1");
        if (javaHome == null) {
            pb.environment().remove("JAVA_HOME");
        } else {
            pb.environment().put("JAVA_HOME", javaHome);
        }
        if (jvmDir != null) {
            pb.environment().put("KILN_JVM_DIR", jvmDir);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void withoutAnyJdk25ItSaysWhatToInstall(@TempDir Path emptyJvmDir) throws Exception {
        Result r = launch(List.of("--version"), null, emptyJvmDir.toString());
        assertEquals(3, r.code(), r.output());
        assertTrue(r.output().contains("no JDK 25 or newer found") && r.output().contains("temurin-25-jdk"), r.output());
    }

    @Test
    void anOlderJavaHomeIsSkippedForAJdk25InTheJvmFolder(@TempDir Path jvmDir) throws Exception {
        // a fake JDK 17 as JAVA_HOME, and the running JDK (25+) linked into the search folder
        Path old = jvmDir.resolve("old-17");
        Files.createDirectories(old.resolve("bin"));
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path fakeJava = old.resolve("bin/java");
        Files.writeString(fakeJava, "#!/bin/sh\necho 'openjdk version \"17.0.15\"' >&2\n");
        fakeJava.toFile().setExecutable(true);
        Path current = Path.of(System.getProperty("java.home"));
        Files.createSymbolicLink(jvmDir.resolve("jdk-current"), current);
        Result r = launch(List.of("jdk"), old.toString(), jvmDir.toString());
        assertEquals(0, r.code(), r.output());
        assertEquals(jvmDir.resolve("jdk-current") + " (Java " + Runtime.version().feature() + ")", r.output().strip());
        // and a JAVA_HOME that is 25+ is used as it is
        r = launch(List.of("jdk"), current.toString(), jvmDir.toString());
        assertEquals(current + " (Java " + Runtime.version().feature() + ")", r.output().strip());
    }
}
