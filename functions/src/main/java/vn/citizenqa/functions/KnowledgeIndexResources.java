package vn.citizenqa.functions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Opens the index that the build put inside the package ({@code /citizenqa/index/}). On Lambda the Makefile also lays
 * the index out as files beside {@code lib/} ({@code /var/task/citizenqa/index/}): it is then opened where it lies,
 * read through a file channel, nothing copied into the heap. Not memory-mapped: {@code MMapDirectory}'s first use
 * sets up Lucene's foreign-memory and native-access support (about 200 ms of a cold start, measured under the
 * runtime interface client) to map 0.3 MB that the page cache holds anyway. Elsewhere (the local runner, the tests) the package is only a jar, so
 * the few files are copied once into a heap directory at init.
 */
public final class KnowledgeIndexResources {

    static final String ROOT = "/citizenqa/";

    private KnowledgeIndexResources() {
    }

    /** The packaged index: in place under {@code LAMBDA_TASK_ROOT} when the package lays it out there, else from the jar. */
    public static Directory openIndex() {
        return openIndex(System.getenv("LAMBDA_TASK_ROOT"));
    }

    /** The index under {@code taskRoot}{@code /citizenqa/index} when it is there, else the jar's copied into the heap. */
    public static Directory openIndex(String taskRoot) {
        Path onDisk = indexOnDisk(taskRoot);
        if (onDisk != null) {
            try {
                // Read-only files: no lock is taken, as none is written.
                return new NIOFSDirectory(onDisk, NoLockFactory.INSTANCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index at " + onDisk, e);
            }
        }
        ByteBuffersDirectory dir = heapDirectory();
        try {
            for (String name : fileList()) {
                try (InputStream in = resource("index/" + name);
                     IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.writeBytes(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the packaged index", e);
        }
        return dir;
    }

    /** The index's folder under the task root, or null when the package does not hold it as files there. */
    static Path indexOnDisk(String taskRoot) {
        if (taskRoot == null || taskRoot.isBlank()) {
            return null;
        }
        Path dir = Path.of(taskRoot.strip(), "citizenqa", "index");
        return Files.isRegularFile(dir.resolve("files.txt")) ? dir : null;
    }

    /** A heap copy of another index, made as the packaged one is (benchmarks open their synthetic indexes so). */
    public static Directory copyToHeap(Directory source) throws IOException {
        ByteBuffersDirectory dir = heapDirectory();
        for (String name : source.listAll()) {
            if (!name.equals("write.lock")) {
                dir.copyFrom(source, name, name, IOContext.READONCE);
            }
        }
        return dir;
    }

    /** One buffer per file: every clone of an input is then cheap, which is most of a query's cost. */
    private static ByteBuffersDirectory heapDirectory() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    }

    private static List<String> fileList() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource("index/files.txt"), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** A packaged knowledge resource, e.g. {@code lexicon/synonyms.txt}. */
    public static InputStream resource(String path) throws IOException {
        InputStream in = KnowledgeIndexResources.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new NoSuchFileException(ROOT + path, null,
                    "missing from the package (build with ./mvnw package, which builds the index from knowledge/)");
        }
        return in;
    }
}
