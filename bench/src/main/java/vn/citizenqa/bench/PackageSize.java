package vn.citizenqa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The deployment package: its size, what takes the room, and that no HTTP client but URL-connection is in it. */
final class PackageSize {

    /** Classes of the HTTP clients the functions must not ship (see functions/pom.xml). */
    static final List<String> EXCLUDED = List.of("io/netty/", "software/amazon/awssdk/http/nio/netty/",
            "software/amazon/awssdk/http/apache/", "org/apache/http/", "software/amazon/awssdk/crt/",
            "software/amazon/awssdk/http/crt/");

    private PackageSize() {
    }

    static void report(Path jar, PrintStream out) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -q package -DskipTests)");
        }
        long size = Files.size(jar);
        Map<String, Long> byPart = new TreeMap<>();
        List<String> forbidden = new ArrayList<>();
        int entries = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries++;
                byPart.merge(part(e.getName()), e.getCompressedSize(), Long::sum);
                EXCLUDED.stream().filter(e.getName()::startsWith).findFirst().ifPresent(p -> {
                    if (!forbidden.contains(p)) {
                        forbidden.add(p);
                    }
                });
            }
        }
        out.printf(Locale.ROOT, "package: %s %.1f MB (%,d entries); target <= 30 MB%n", Bench.relative(jar), size / 1e6, entries);
        StringBuilder parts = new StringBuilder();
        byPart.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(8)
                .forEach(e -> parts.append(String.format(Locale.ROOT, " %s %.1f MB,", e.getKey(), e.getValue() / 1e6)));
        out.println("  largest parts (compressed):" + parts.substring(0, parts.length() - 1));
        out.println(forbidden.isEmpty() ? "  HTTP clients: URL-connection only (no Netty, Apache or CRT classes)"
                : "  HTTP clients that should not be there: " + forbidden);
    }

    /** The first three folders of a path, or fewer for shallow entries: where a library's classes live. */
    static String part(String name) {
        String[] segments = name.split("/");
        int depth = Math.min(3, segments.length - 1);
        if (depth <= 0) {
            return "(top level)";
        }
        return String.join("/", java.util.Arrays.copyOf(segments, depth));
    }
}
