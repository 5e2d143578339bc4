package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureIndex;
import vn.citizenqa.core.search.SearchTables;
import vn.citizenqa.core.startup.StartupArtifact;
import vn.citizenqa.core.startup.StartupParts;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.core.triage.ScamWarnings;

/**
 * Builds the artefact the functions ship: {@code index/} (the Lucene index and {@code files.txt},
 * the list a function reads it back by), {@code lexicon/} (copied from knowledge/) and
 * {@code triage/safety-model.txt} (the safety model trained from the labelled messages),
 * {@code warnings/warnings.txt} (the validated scam warnings), {@code startup/assistant.bin} (the lexicon and models
 * and the triage vocabularies as the assistant would compute them at start: {@link StartupArtifact}) and
 * {@code manifest.properties} (entry count, content hash, build time).
 */
public final class IndexBuild {

    public static final String INDEX_DIR = "index";
    public static final String FILE_LIST = "files.txt";
    public static final String MANIFEST = "manifest.properties";
    /** Runtime files of knowledge/ other than the procedures, shipped as they are. */
    public static final List<String> SHIPPED_FOLDERS = List.of("lexicon", "triage");

    public record Result(int entries, String contentHash, Path out) {
    }

    public Result build(Path knowledgeDir, Path out) throws IOException, InvalidKnowledgeException {
        List<Procedure> procedures = new KnowledgeLoader().load(knowledgeDir);
        Path indexDir = out.resolve(INDEX_DIR);
        deleteRecursively(out);
        Files.createDirectories(indexDir);
        try (FSDirectory dir = FSDirectory.open(indexDir)) {
            ProcedureIndex.write(procedures, dir);
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("write.lock")).sorted().toList();
            Files.deleteIfExists(indexDir.resolve("write.lock"));
            Files.writeString(indexDir.resolve(FILE_LIST), String.join("\n", names) + "\n");
        }
        for (String folder : SHIPPED_FOLDERS) {
            copyFolder(knowledgeDir.resolve(folder), out.resolve(folder));
        }
        Files.writeString(out.resolve(SafetyModel.FILE), safetyModel(knowledgeDir), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(SafetyModel.REPORT_FILE),
                safetyModel(knowledgeDir, SafetyModelTraining.Target.REPORT), StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve(ScamWarnings.FILE).getParent());
        Files.writeString(out.resolve(ScamWarnings.FILE), ScamWarnings.write(new WarningLoader().load(knowledgeDir)),
                StandardCharsets.UTF_8);
        String hash = contentHash(knowledgeDir);
        // What the assistant would compute at start, computed here from the files just written, as a function reads them.
        Files.createDirectories(out.resolve(StartupArtifact.FILE).getParent());
        SearchTables tables;
        try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            tables = SearchTables.of(reader);
        }
        Files.write(out.resolve(StartupArtifact.FILE), StartupArtifact.write(StartupParts.compute(KnowledgeFiles.directory(out))
                .withTriage(KnowledgeFiles.directory(out)).withSearch(tables), hash));
        Files.writeString(out.resolve(MANIFEST), "entries=" + procedures.size() + "\n"
                + "contentHash=" + hash + "\n"
                + "builtAt=" + Instant.now() + "\n", StandardCharsets.UTF_8);
        return new Result(procedures.size(), hash, out);
    }

    /** The safety model trained from the labelled development messages, in the text form the functions read. */
    public static String safetyModel(Path knowledgeDir) throws IOException {
        return safetyModel(knowledgeDir, SafetyModelTraining.Target.EMERGENCY);
    }

    /** A model of the labelled development messages (emergencies, or reports), in the text form the functions read. */
    public static String safetyModel(Path knowledgeDir, SafetyModelTraining.Target target) throws IOException {
        return safetyModel(knowledgeDir, target, SafetyModelTraining.SAFETY_DEV);
    }

    /** The same, trained on some of the development splits only (to measure it on one it never saw). */
    public static String safetyModel(Path knowledgeDir, SafetyModelTraining.Target target, List<String> splits)
            throws IOException {
        SafetyModelTraining.Trained trained = SafetyModelTraining.train(knowledgeDir, target, splits);
        return trained.model().write("The " + target.name().toLowerCase(java.util.Locale.ROOT) + " model of core/triage, trained by index-builder from "
                + String.join(", ", splits) + " and " + SafetyModelTraining.QUESTIONS + ":\n" + trained.summary());
    }

    /** SHA-256 over every knowledge file, by path in sorted order: the same knowledge gives the same hash. */
    static String contentHash(Path knowledgeDir) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(knowledgeDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(knowledgeDir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
