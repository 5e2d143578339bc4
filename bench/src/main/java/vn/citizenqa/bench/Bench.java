package vn.citizenqa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.functions.Wiring;

/**
 * {@code java -jar bench/target/citizen-qa-bench.jar [all|warm|cold|scale|package] [options]}: the performance
 * figures of the README, measured on this machine now. Each figure is taken in a fresh JVM.
 */
public final class Bench {

    static final String USAGE = """
            usage: java -jar bench/target/citizen-qa-bench.jar [all|warm|cold|lambda-cold|scale|package] [options]   (from the repository root)
              warm      the full decision for each question of knowledge/eval/questions.tsv, then of the long messages of
                        knowledge/eval/real-style/dev.tsv, one thread: p50, p99, messages/s
              cold      a fresh JVM from start to the first webhook response, beside a hello-world JVM; init steps
              lambda-cold  each function under AWS's runtime interface client polling a Runtime API stand-in, as Lambda
                        starts it, beside a 200-only handler and a hello world, in the same rounds (not part of all)
              scale     index build time, index size, heap after init and decision p99 for the real and larger knowledge bases
              package   the size of functions/target/citizen-qa-functions.jar and what is in it
            options:
              --repo DIR                 the repository root (default .)
              --seconds S                warm: seconds of timed decisions (default 10); scale: per size (default 5)
              --questions FILE           warm: another labelled set (default knowledge/eval/questions.tsv)
              --label LABEL              warm: only its messages of that label (EMERGENCY: the reply time of emergencies)
              --runs N                   cold: runs of each JVM (default 7)
              --variants LIST            cold: of default,c1,cds,aot,aot-c1 (default all)
              --sizes LIST               scale: knowledge-base sizes, 0 for the real one (default 0,1000,10000)
              --dynamodb-endpoint URL    cold: record in DynamoDB there (table citizenqa-bench, created) instead of in-process
              --stores LIST              lambda-cold: of in-process,dynamodb (default both; dynamodb starts dynalite with Node.js)
              --snapstart                lambda-cold: AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, the runtime running the CRaC hooks
              --artifacts DIR            lambda-cold: an ARTIFACTS_DIR that make build-WebhookFunction filled (default: the same
                                         layout made from functions/target/citizen-qa-functions.jar)
              --runtime-lib DIR          lambda-cold: the runtime interface client's jars (default bench/target/lambda-runtime)
              --init-steps               lambda-cold: CITIZENQA_INIT_TIMES=true in the functions; their init steps printed
              --aot-cache                lambda-cold: a JDK AOT cache trained per function on its init (it starts, inits, finds
                                         no Runtime API, exits), given as JAVA_TOOL_OPTIONS=-XX:AOTCache=FILE; the floor is
                                         measured both without and with its own
              --tls                      lambda-cold: the functions reach DynamoDB and SQS over HTTPS, as on AWS (relays with a
                                         keytool-made certificate before dynalite and ElasticMQ, trusted beside the JDK's CAs)
              --compare-sdk              lambda-cold: each function also with CITIZENQA_AWS_CLIENT=sdk, in the same rounds
              --compare-tls-warm-up      lambda-cold: each function also with CITIZENQA_TLS_WARM_UP=false (no TLS set-up and
                                         handshakes in init), in the same rounds; with --tls, a floor that makes one HTTPS
                                         call is measured beside the 200-only one""";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.contains("--help") || rest.contains("-h") || rest.contains("help")) {
            out.println(USAGE);
            return;
        }
        String mode = rest.isEmpty() || rest.getFirst().startsWith("--") ? "all" : rest.removeFirst();
        switch (mode) {
            case "warm-child" -> warmChild(Path.of(rest.get(0)), Double.parseDouble(rest.get(1)),
                    rest.size() > 2 ? rest.get(2) : null);
            case "scale-child" -> ScaleRun.runChild(Integer.parseInt(rest.get(0)), Questions.load(Path.of(rest.get(1))),
                    Double.parseDouble(rest.get(2)));
            case "all", "warm", "cold", "lambda-cold", "scale", "package" -> {
                run(mode, rest, out);
                // ElasticMQ's actor threads (lambda-cold) are not daemons: without this the JVM never ends.
                System.exit(0);
            }
            default -> {
                System.err.println("unknown mode '" + mode + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void run(String mode, List<String> args, PrintStream out) throws Exception {
        Path repo = Path.of(option(args, "--repo", "."));
        Path questions = repo.resolve(option(args, "--questions", "knowledge/eval/questions.tsv"));
        String label = option(args, "--label", null);
        Path jar = repo.resolve("functions/target/citizen-qa-functions.jar");
        boolean all = mode.equals("all");
        out.printf(Locale.ROOT, "citizen-qa bench, %s, JDK %s, %d cores, load average %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        if (all || mode.equals("package")) {
            PackageSize.report(jar, out);
        }
        if (all || mode.equals("warm")) {
            warm(questions, label, Double.parseDouble(option(args, "--seconds", "10")), out);
            // Real citizens' messages are long (median about 50 words): the same measure on the real-style set.
            warm(repo.resolve("knowledge/eval/real-style/dev.tsv"), null, Double.parseDouble(option(args, "--seconds", "10")), out);
        }
        if (all || mode.equals("scale")) {
            scale(questions, option(args, "--sizes", "0,1000,10000"), Double.parseDouble(option(args, "--seconds", "5")), out);
        }
        if (all || mode.equals("cold")) {
            String endpoint = option(args, "--dynamodb-endpoint", null);
            new ColdStart(repo, out).run(Integer.parseInt(option(args, "--runs", "7")),
                    List.of(option(args, "--variants", "default,c1,cds,aot,aot-c1").split(",")),
                    endpoint == null ? null : URI.create(endpoint));
        }
        if (mode.equals("lambda-cold")) {
            String artifacts = option(args, "--artifacts", null);
            new LambdaColdStart(repo, out).run(new LambdaColdStart.Options(Integer.parseInt(option(args, "--runs", "5")),
                    List.of(option(args, "--stores", "in-process,dynamodb").split(",")), args.contains("--snapstart"),
                    artifacts == null ? null : Path.of(artifacts), repo.resolve(option(args, "--runtime-lib", "bench/target/lambda-runtime")),
                    args.contains("--init-steps"), args.contains("--aot-cache"), args.contains("--tls"), args.contains("--compare-sdk"),
                    args.contains("--compare-tls-warm-up")));
        }
        out.printf(Locale.ROOT, "done, load average %s%n", loadAverage());
    }

    private static void warm(Path questions, String label, double seconds, PrintStream out)
            throws IOException, InterruptedException {
        List<String> childArgs = new java.util.ArrayList<>(List.of(questions.toString(), Double.toString(seconds)));
        if (label != null) {
            childArgs.add(label);
        }
        Map<String, String> r = ChildJvm.run(List.of(), "warm-child", childArgs);
        out.printf(Locale.ROOT, "warm: the full decision (triage, search, draft; no I/O) for the %s questions%s of %s, one "
                + "thread, at least %.0f s and %d rounds timed after at least %s s and %d rounds of warm-up%n", r.get("questions"),
                label == null ? "" : " labelled " + label, relative(questions), seconds, Decisions.TIMED_ROUNDS,
                r.get("warmup"), Decisions.WARMUP_ROUNDS);
        out.printf(Locale.ROOT, "  %,d decisions, wall clock: p50 %s, p90 %s, p99 %s (target <= 2 ms), max %s%n",
                Long.parseLong(r.get("decisions")), ms(r.get("p50")), ms(r.get("p90")), ms(r.get("p99")), ms(r.get("max")));
        out.printf(Locale.ROOT, "  the thread's CPU time (no wait for a core): p50 %s, p90 %s, p99 %s, max %s%n",
                ms(r.get("cpuP50")), ms(r.get("cpuP90")), ms(r.get("cpuP99")), ms(r.get("cpuMax")));
        out.printf(Locale.ROOT, "  %,.0f messages/s per core by the thread's CPU time (target >= 2,000); %,.0f by the wall clock%n",
                Double.parseDouble(r.get("perCpuSecond")), Double.parseDouble(r.get("perSecond")));
        out.printf(Locale.ROOT, "  heap in use after init: %.1f MB (%s procedures)%n", Long.parseLong(r.get("heapBytes")) / 1e6,
                r.get("procedures"));
    }

    private static void warmChild(Path questions, double seconds, String label) {
        List<String> texts = Questions.load(questions, label);
        Assistant assistant = Wiring.assistant();
        long heap = Decisions.heapAfterGc();
        double warmup = 5;
        Decisions.Measured m = Decisions.measure(assistant, texts, warmup, seconds);
        ChildJvm.result("questions", texts.size());
        ChildJvm.result("warmup", warmup);
        ChildJvm.result("procedures", assistant.knowledgeBase().procedures().size());
        ChildJvm.result("heapBytes", heap);
        ChildJvm.result("decisions", m.latencies().count());
        ChildJvm.result("p50", m.latencies().percentile(50));
        ChildJvm.result("p90", m.latencies().percentile(90));
        ChildJvm.result("p99", m.latencies().percentile(99));
        ChildJvm.result("max", m.latencies().max());
        ChildJvm.result("cpuP50", m.cpu().percentile(50));
        ChildJvm.result("cpuP90", m.cpu().percentile(90));
        ChildJvm.result("cpuP99", m.cpu().percentile(99));
        ChildJvm.result("cpuMax", m.cpu().max());
        ChildJvm.result("perSecond", m.perSecond());
        ChildJvm.result("perCpuSecond", m.perCpuSecond());
        ChildJvm.result("checksum", m.checksum());
    }

    private static void scale(Path questions, String sizes, double seconds, PrintStream out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "scale: each size in its own JVM; synthetic knowledge bases are the real one plus variants (seed %d); "
                + "decisions over %s, one thread, %.0f s timed%n", SyntheticKnowledge.SEED, relative(questions), seconds);
        out.printf(Locale.ROOT, "  %10s %12s %10s %10s %10s %10s %10s %10s %12s%n", "procedures", "index build", "index", "open",
                "heap", "p50", "p99", "p99 CPU", "msg/s (CPU)");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.strip());
            Map<String, String> r = ChildJvm.run(List.of(), "scale-child",
                    List.of(Integer.toString(n), questions.toString(), Double.toString(seconds)));
            out.printf(Locale.ROOT, "  %,10d %9.0f ms %7.1f MB %7.0f ms %7.1f MB %10s %10s %10s %,12.0f%n",
                    Long.parseLong(r.get("procedures")), Long.parseLong(r.get("buildNanos")) / 1e6,
                    Long.parseLong(r.get("indexBytes")) / 1e6, Long.parseLong(r.get("openNanos")) / 1e6,
                    Long.parseLong(r.get("heapBytes")) / 1e6, ms(r.get("p50")), ms(r.get("p99")), ms(r.get("cpuP99")),
                    Double.parseDouble(r.get("perCpuSecond")));
        }
        out.println("  (target: 10,000 procedures, p99 < 5 ms, issue 19; heap = in use after init, with a full GC)");
    }

    private static String ms(String nanos) {
        return Latencies.millis(Long.parseLong(nanos));
    }

    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args.get(i + 1);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
