package vn.citizenqa.core.startup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Properties;
import java.util.zip.CRC32;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.search.SearchTables;
import vn.citizenqa.core.analysis.MessageCues;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.core.triage.TriageVocabulary;

/**
 * The start-up artifact: the {@link StartupParts} computed once by the build ({@code index-builder}) and written
 * beside the index as one binary file ({@link #FILE}), which a function reads without analysing or parsing a line.
 * Layout: a magic, the format version, the content hash of the knowledge it was made from (the one
 * {@code manifest.properties} names), the message cues, the lexicon, the two models, whether the triage vocabularies
 * follow and then them ({@link TriageVocabulary}: every cue analysed), whether the search's tables follow and then
 * them ({@link SearchTables}: procedures, vocabulary, postings), and a CRC-32 of all that.
 *
 * <p>Every fact it holds is also in the package as text, so an artifact that cannot be used is never fatal: reading
 * says why ({@link Unusable}) and the caller computes the parts from the text instead (slower, same answers), logging
 * the reason so that a broken package is seen.
 */
public final class StartupArtifact {

    /** Where the build writes it, relative to the package's knowledge root. */
    public static final String FILE = "startup/assistant.bin";
    /** The manifest the build writes beside it, whose {@code contentHash} the artifact must carry. */
    public static final String MANIFEST = "manifest.properties";
    /** The layout this build writes and reads; any change to it (or to what a part writes) takes the next number. */
    public static final int FORMAT = 6;
    private static final byte[] MAGIC = "CQA-START".getBytes(StandardCharsets.US_ASCII);

    private StartupArtifact() {
    }

    /** What reading the package's artifact came to. */
    public sealed interface Reading {
    }

    /** The parts, as the build computed them. */
    public record Restored(StartupParts parts) implements Reading {
    }

    /** The package holds no artifact (a knowledge folder, an older package). */
    public record Missing() implements Reading {
    }

    /** The artifact is there but cannot be trusted: the problem, naming the file. */
    public record Unusable(String problem) implements Reading {
    }

    /** The parts from the artifact when it can be used, else computed from the text files. */
    public static StartupParts restoreOrCompute(Reading reading, KnowledgeFiles files) {
        return reading instanceof Restored r ? r.parts() : StartupParts.compute(files);
    }

    /** Writes the parts, made from the knowledge whose content hash is {@code contentHash}. */
    public static byte[] write(StartupParts parts, String contentHash) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(contentHash);
            parts.lexicon().messageCues().write(out);
            parts.lexicon().write(out);
            parts.safety().write(out);
            parts.report().write(out);
            out.writeBoolean(parts.triage() != null);
            if (parts.triage() != null) {
                parts.triage().write(out);
            }
            out.writeBoolean(parts.search() != null);
            if (parts.search() != null) {
                parts.search().write(out);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
    }

    /** Reads the artifact of a package. */
    public static Reading read(KnowledgeFiles files) {
        byte[] bytes;
        try (InputStream in = files.open(FILE)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException | UncheckedIOException e) {
            return new Unusable(FILE + ": cannot be read (" + e.getMessage() + ")");
        }
        return read(bytes, expectedContentHash(files));
    }

    static Reading read(byte[] bytes, String expectedHash) {
        if (bytes.length < MAGIC.length + Integer.BYTES + Long.BYTES
                || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            return new Unusable(FILE + ": not a start-up artifact (no " + new String(MAGIC, StandardCharsets.US_ASCII) + " header)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
        if (crc.getValue() != stored) {
            return new Unusable(FILE + ": corrupt (its CRC-32 does not match its content)");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new java.io.ByteArrayInputStream(bytes, MAGIC.length, bytes.length - MAGIC.length - Long.BYTES)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                return new Unusable(FILE + ": format " + format + ", this build reads format " + FORMAT
                        + " (rebuild the package with ./mvnw package)");
            }
            String hash = in.readUTF();
            if (expectedHash == null) {
                return new Unusable(FILE + ": the package has no " + MANIFEST + " naming the knowledge it was made from");
            }
            if (!hash.equals(expectedHash)) {
                return new Unusable(FILE + ": made from other knowledge (content hash " + abbreviate(hash) + ", "
                        + MANIFEST + " says " + abbreviate(expectedHash) + ")");
            }
            Lexicon lexicon = Lexicon.read(in, MessageCues.read(in));
            SafetyModel safety = SafetyModel.read(in);
            SafetyModel report = SafetyModel.read(in);
            TriageVocabulary triage = in.readBoolean() ? TriageVocabulary.read(in) : null;
            StartupParts parts = new StartupParts(lexicon, safety, report, triage, in.readBoolean() ? SearchTables.read(in) : null);
            if (in.read() != -1) {
                return new Unusable(FILE + ": bytes left after the last part");
            }
            return new Restored(parts);
        } catch (EOFException e) {
            return new Unusable(FILE + ": truncated");
        } catch (IOException | RuntimeException e) {
            return new Unusable(FILE + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String expectedContentHash(KnowledgeFiles files) {
        try (InputStream in = files.open(MANIFEST)) {
            Properties manifest = new Properties();
            manifest.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return manifest.getProperty("contentHash");
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
