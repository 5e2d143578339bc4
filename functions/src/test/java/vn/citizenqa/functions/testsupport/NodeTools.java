package vn.citizenqa.functions.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Node.js tools the tests use (dynalite, playwright-core), pinned in the repository's package.json and
 * package-lock.json. {@link #ensureInstalled()} runs {@code npm ci} once when any of them is missing from
 * node_modules, before the first of them starts (a later {@code npm ci} would pull node_modules from under a
 * running dynalite). Without Node.js or npm the tests fail and say what to install.
 */
public final class NodeTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private NodeTools() {
    }

    /** The directory holding package.json, package-lock.json and functions/, found upwards from here. */
    public static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("package-lock.json")) && Files.isDirectory(p.resolve("functions/src/test"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository's package-lock.json above " + Path.of("").toAbsolutePath());
    }

    /** `node --version`; without Node.js, a failure with {@code whenMissing} (what needs it and what to install). */
    public static String nodeVersion(String whenMissing) {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("`node --version` failed: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new IllegalStateException(whenMissing, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for Node.js", e);
        }
    }

    /** Installs the pinned packages with {@code npm ci} unless every one of them is already in node_modules. */
    public static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        Path root = repositoryRoot();
        List<String> missing = missing(root);
        if (!missing.isEmpty()) {
            System.out.println("[NodeTools] " + String.join(", ", missing) + " missing from node_modules: npm ci in " + root);
            try {
                Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("`npm ci` failed in " + root + ":\n" + output);
                }
            } catch (IOException e) {
                throw new IllegalStateException("npm is not installed: install npm (with Node.js 20 or newer) so the tests "
                        + "can install their pinned tools with `npm ci`. " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during npm ci", e);
            }
            List<String> still = missing(root);
            if (!still.isEmpty()) {
                throw new IllegalStateException("`npm ci` did not install " + still + " in " + root);
            }
        }
        installed = true;
    }

    /** The package's version as installed, or "?". */
    public static String installedVersion(String name) {
        try {
            return JSON.readTree(repositoryRoot().resolve("node_modules").resolve(name).resolve("package.json").toFile())
                    .path("version").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> missing(Path root) {
        JsonNode dependencies;
        try {
            dependencies = JSON.readTree(root.resolve("package.json").toFile()).path("devDependencies");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root.resolve("package.json") + ": " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        dependencies.fieldNames().forEachRemaining(name -> {
            if (!Files.exists(root.resolve("node_modules").resolve(name).resolve("package.json"))) {
                missing.add(name);
            }
        });
        return missing;
    }
}
