package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's two commands as a newcomer pastes them. With an older JDK first on the PATH (and JAVA_HOME unset or
 * pointing at it) each stops at once with one sentence saying what is needed; with JDK 25 the run line answers.
 * Runs after the package (failsafe), so the jar it runs is the one this build made.
 */
class ReadmeCommandsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JDK_25 = Path.of(System.getProperty("java.home"));

    /** The README's run line (build, then ask) and its test command, from the section "The two commands". */
    record ReadmeCommands(String buildAndAsk, String verify) {
        String ask() {
            return buildAndAsk.substring(buildAndAsk.indexOf("&&") + 2).strip();
        }
    }

    static ReadmeCommands readme() throws IOException {
        String text = Files.readString(ROOT.resolve("README.md"));
        String section = text.substring(text.indexOf("## The two commands"), text.indexOf("\n## ", text.indexOf("## The two commands") + 3));
        Matcher blocks = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> lines = new ArrayList<>();
        while (blocks.find()) {
            blocks.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("export JAVA_HOME=")).forEach(lines::add);
        }
        assertEquals(2, lines.size(), "the section has the run line and the test command: " + lines);
        assertTrue(lines.get(0).startsWith("./mvnw ") && lines.get(0).contains("&& \"$JAVA_HOME/bin/java\" -jar runner/target/citizen-qa.jar ask "),
                lines.get(0));
        return new ReadmeCommands(lines.get(0), lines.get(1));
    }

    /** A JDK older than 25 on this machine (Debian's default 17, say), if there is one. */
    static Optional<Path> olderJdk() throws IOException {
        for (Path dir : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> homes = Files.list(dir)) {
                for (Path home : homes.sorted().toList()) {
                    if (Files.isExecutable(home.resolve("bin/java")) && major(home) > 0 && major(home) < 25) {
                        return Optional.of(home);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int major(Path home) {
        try {
            Run r = bash(home.resolve("bin/java") + " -version", Map.of("PATH", System.getenv("PATH")));
            Matcher m = Pattern.compile("version \"(\\d+)").matcher(r.err());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    record Run(int status, String out, String err) {
    }

    /** A command line as bash runs it in the repository root, with exactly this environment (plus HOME and a UTF-8 locale, as a terminal has). */
    static Run bash(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("HOME", System.getProperty("user.home"));
        builder.environment().put("LANG", "C.UTF-8");
        Path out = Files.createTempFile("readme-out", ".txt");
        Path err = Files.createTempFile("readme-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 2 minutes");
        }
        try {
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void withAnOlderJdkFirstOnThePathBothCommandsSayInOneSentenceWhatIsNeeded() throws Exception {
        ReadmeCommands readme = readme();
        Optional<Path> older = olderJdk();
        assumeTrue(older.isPresent(), "no JDK older than 25 on this machine to try the README's commands with");
        String path = older.get().resolve("bin") + File.pathSeparator + "/usr/local/bin:/usr/bin:/bin";
        String wrapperSentence = "citizen-qa needs JDK 25 or newer, but " + older.get().resolve("bin/java") + " is Java "
                + major(older.get()) + ": set JAVA_HOME to a JDK 25 (export JAVA_HOME=/path/to/jdk-25) and run again.\n";
        for (String command : List.of(readme.buildAndAsk(), readme.verify())) {
            // JAVA_HOME unset: the wrapper finds the PATH's java.
            Run r = bash(command, Map.of("PATH", path));
            assertNotEquals(0, r.status(), command);
            assertEquals(wrapperSentence, r.err(), command);
            assertEquals("", r.out(), command);
            // JAVA_HOME at the older JDK: the same sentence, naming it.
            Run pointed = bash(command, Map.of("PATH", path, "JAVA_HOME", older.get().toString()));
            assertEquals(wrapperSentence, pointed.err(), command);
        }
        // The jar itself, run by the older java (JAVA_HOME pointing at it): one sentence, no UnsupportedClassVersionError.
        Run jar = bash(readme.ask(), Map.of("PATH", path, "JAVA_HOME", older.get().toString()));
        assertEquals(1, jar.status());
        // The JVM names its home by the real path, which a symbolic link in /usr/lib/jvm may hide.
        assertEquals("citizen-qa needs Java 25 or newer, but " + older.get().toRealPath() + " is Java " + major(older.get())
                + ": run the jar with a JDK 25's java (set JAVA_HOME to it, then use \"$JAVA_HOME/bin/java\" -jar).\n", jar.err());
    }

    @Test
    void withJdk25TheRunLineAnswersTheCitizen() throws Exception {
        // The build half is this very build (failsafe runs after the package); the ask half runs the jar it made.
        Run r = bash(readme().ask(), Map.of("PATH", JDK_25.resolve("bin") + File.pathSeparator + "/usr/bin:/bin",
                "JAVA_HOME", JDK_25.toString()));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "the run line prints nothing but the answer");
        assertTrue(r.out().toLowerCase(java.util.Locale.ROOT).contains("căn cước"), r.out());
    }
}
