package vn.citizenqa.core.triage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * The statistical safety net beside the cues: a logistic regression over a message's syllables and syllable
 * pairs, each in the form typed and without diacritics, hashed into a fixed number of weights. Trained at build
 * time from the development split of the labelled safety set ({@code index-builder}) and shipped in the package
 * as a small text file ({@link #FILE}); read here without any parsing library.
 *
 * <p>It flags likely emergencies that no cue caught ("bạn em nhắn tin chào vĩnh biệt rồi tắt máy"), with a
 * threshold chosen for recall: a false emergency costs an officer a look, a missed one can cost a life.
 */
public final class SafetyModel {

    /** Where the build writes the emergency model, relative to the package's knowledge root. */
    public static final String FILE = "triage/safety-model.txt";
    /**
     * Where the build writes the report model: the same kind of model, trained to tell a message for officers (a
     * crime, harassment, a scam suffered, or an emergency) from a question, so that a report in words no crime cue
     * knows still reaches them.
     */
    public static final String REPORT_FILE = "triage/report-model.txt";

    private final int buckets;
    private final double bias;
    private final double threshold;
    private final float[] weights;

    public SafetyModel(int buckets, double bias, double threshold, float[] weights) {
        if (Integer.bitCount(buckets) != 1 || weights.length != buckets) {
            throw new IllegalArgumentException("buckets must be a power of two, one weight each: " + buckets);
        }
        this.buckets = buckets;
        this.bias = bias;
        this.threshold = threshold;
        this.weights = weights;
    }

    public int buckets() {
        return buckets;
    }

    public double threshold() {
        return threshold;
    }

    /** The probability the model gives that the message is of its kind (an emergency; a report). */
    public double score(TokenGraph graph) {
        return score(features(graph, buckets));
    }

    /** The same, from the message's {@link #features} (computed once for both models). */
    public double score(int[] features) {
        double z = bias;
        for (int f : features) {
            z += weights[f];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public boolean flags(double score) {
        return score >= threshold;
    }

    /**
     * The distinct hashed features of a message: each typed syllable and each pair of neighbours, as typed
     * (with its diacritics, lower case) and folded. Shared by training and scoring.
     */
    public static int[] features(TokenGraph graph, int buckets) {
        List<String> typed = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                typed.add(SituationMatcher.squeeze(e.term()));
                folded.add(SituationMatcher.squeeze(e.folded()));
            }
        }
        int[] out = new int[typed.size() * 4];
        int n = 0;
        for (int i = 0; i < typed.size(); i++) {
            out[n++] = bucket(hash(UNIGRAM, typed.get(i)), buckets);
            out[n++] = bucket(hash(FOLDED, folded.get(i)), buckets);
            if (i > 0) {
                out[n++] = bucket(hash(hash(hash(BIGRAM, typed.get(i - 1)), " "), typed.get(i)), buckets);
                out[n++] = bucket(hash(hash(hash(FOLDED_BIGRAM, folded.get(i - 1)), " "), folded.get(i)), buckets);
            }
        }
        // Distinct, in place: sorted, each bucket once.
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** The hashes of the features' prefixes ("u ", "f ", "b ", "g "), as String.hashCode gives them. */
    private static final int UNIGRAM = "u ".hashCode();
    private static final int FOLDED = "f ".hashCode();
    private static final int BIGRAM = "b ".hashCode();
    private static final int FOLDED_BIGRAM = "g ".hashCode();

    /**
     * {@code (prefix + text).hashCode()} from the prefix's hash, without building the string: a feature's bucket is
     * the same as the one the model was trained with, and scoring a message allocates no feature strings.
     */
    private static int hash(int prefix, String text) {
        int h = prefix;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** The bucket of a feature written out ("u cháy", "b nhà cháy"): what {@link #features} computes without it. */
    static int bucket(String feature, int buckets) {
        return bucket(feature.hashCode(), buckets);
    }

    private static int bucket(int hashCode, int buckets) {
        int h = hashCode * 0x9E3779B9; // spread String.hashCode's low bits
        return (h ^ (h >>> 16)) & (buckets - 1);
    }

    /**
     * The text form: {@code buckets N}, {@code bias B}, {@code threshold T}, then one {@code index weight} line
     * per non-zero weight; {@code #} starts a comment.
     */
    public String write(String comment) {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        b.append("buckets ").append(buckets).append('\n');
        b.append(String.format(Locale.ROOT, "bias %.6f%nthreshold %.6f%n", bias, threshold));
        for (int i = 0; i < buckets; i++) {
            if (weights[i] != 0) {
                b.append(i).append(' ').append(String.format(Locale.ROOT, "%.5f", weights[i])).append('\n');
            }
        }
        return b.toString();
    }

    /** Writes the model as the start-up artifact holds it: the weights as they lie in memory, nothing to parse. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(buckets);
        out.writeDouble(bias);
        out.writeDouble(threshold);
        ByteBuffer bytes = ByteBuffer.allocate(buckets * Float.BYTES);
        bytes.asFloatBuffer().put(weights);
        out.write(bytes.array());
    }

    /** Reads what {@link #write} wrote. */
    public static SafetyModel read(DataInputStream in) throws IOException {
        int buckets = in.readInt();
        if (Integer.bitCount(buckets) != 1 || buckets > 1 << 24) {
            throw new IOException("a model of " + buckets + " buckets");
        }
        double bias = in.readDouble();
        double threshold = in.readDouble();
        byte[] bytes = new byte[buckets * Float.BYTES];
        in.readFully(bytes);
        float[] weights = new float[buckets];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(weights);
        return new SafetyModel(buckets, bias, threshold, weights);
    }

    /** Reads the emergency model the build wrote; a malformed line is an error naming the file and line. */
    public static SafetyModel read(KnowledgeFiles files) {
        return read(files, FILE);
    }

    /** Reads a model the build wrote ({@link #FILE}, {@link #REPORT_FILE}). */
    public static SafetyModel read(KnowledgeFiles files, String file) {
        Integer buckets = null;
        Double bias = null;
        Double threshold = null;
        float[] weights = null;
        for (KnowledgeFiles.Line line : files.lines(file)) {
            String[] f = line.text().split("\\s+");
            if (f.length != 2) {
                throw line.problem("expected 'name value' or 'index weight'");
            }
            try {
                switch (f[0]) {
                    case "buckets" -> {
                        buckets = Integer.parseInt(f[1]);
                        weights = new float[buckets];
                    }
                    case "bias" -> bias = Double.parseDouble(f[1]);
                    case "threshold" -> threshold = Double.parseDouble(f[1]);
                    default -> {
                        if (weights == null) {
                            throw line.problem("a weight before 'buckets'");
                        }
                        int i = Integer.parseInt(f[0]);
                        if (i < 0 || i >= weights.length) {
                            throw line.problem("index out of range 0.." + (weights.length - 1));
                        }
                        weights[i] = Float.parseFloat(f[1]);
                    }
                }
            } catch (NumberFormatException e) {
                throw line.problem("not a number");
            }
        }
        if (buckets == null || bias == null || threshold == null) {
            throw new KnowledgeFiles.InvalidVocabularyException(file + ": missing 'buckets', 'bias' or 'threshold'");
        }
        return new SafetyModel(buckets, bias, threshold, weights);
    }
}
