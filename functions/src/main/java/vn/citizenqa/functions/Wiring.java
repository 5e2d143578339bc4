package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.store.Directory;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.channel.SentAtBounds;
import vn.citizenqa.core.conversation.ConversationPolicy;
import vn.citizenqa.core.conversation.MessageIntake;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.officer.OfficerDesk;
import vn.citizenqa.core.officer.ProcedureDirectory;
import vn.citizenqa.core.officer.ProcedureTitles;
import vn.citizenqa.core.queue.Admission;
import vn.citizenqa.core.queue.InProcessQueue;
import vn.citizenqa.core.queue.MessageQueue;
import vn.citizenqa.core.queue.QueueConsumer;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.core.queue.QueueWorker;
import vn.citizenqa.core.startup.StartupArtifact;
import vn.citizenqa.core.startup.StartupParts;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.aws.AwsJsonHttp;
import vn.citizenqa.functions.aws.TlsWarmUp;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.ChannelReplies;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.channel.messenger.MessengerAdapter;
import vn.citizenqa.functions.channel.messenger.MessengerClient;
import vn.citizenqa.functions.channel.zalo.ZaloAdapter;
import vn.citizenqa.functions.channel.zalo.ZaloClient;
import vn.citizenqa.functions.channel.zalo.ZaloTokenRefresh;
import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.console.ConsoleSettings;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.logging.LogContext;
import vn.citizenqa.functions.officer.OfficerApi;
import vn.citizenqa.functions.queue.SqsMessageQueue;
import vn.citizenqa.functions.queue.SqsSettings;

/**
 * Builds the object graph once per container (static init), the one place where parts are chosen and
 * connected. Handlers and the local runner take what they need from here.
 */
public final class Wiring {

    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.wiring");

    static {
        // Before the store's or the channels' first connection loads the JDK's HTTP classes.
        ChannelHttp.noSilentPostRetry();
    }

    private Wiring() {
    }

    /** The assistant over the packaged index, built on first use. */
    public static Assistant assistant() {
        return AssistantHolder.ASSISTANT;
    }

    /**
     * Starts building {@link #assistant()} on another thread, so that opening the index overlaps the rest of init
     * (the JSON mapper, the store's SDK client, reading the event): the two largest steps of a cold start then share
     * the cores. The first {@link #assistant()} waits for it; a failure shows there, as without this.
     */
    public static void openAssistantInBackground() {
        Thread.ofPlatform().name("citizenqa-init").daemon().start(() -> {
            try {
                assistant();
            } catch (Throwable t) {
                // The caller's own assistant() reports it.
            }
        });
    }

    /**
     * An assistant over an index with the packaged lexicon and models: the packaged index or another (benchmarks). The
     * search's tables of the start-up artifact are the packaged index's, so over any index given here they are read
     * from that index instead.
     */
    public static Assistant openAssistant(Directory index) {
        return openAssistant(index, false);
    }

    /** @param packagedIndex whether {@code index} is the package's own (whose search tables the artifact holds) */
    private static Assistant openAssistant(Directory index, boolean packagedIndex) {
        KnowledgeFiles files = KnowledgeIndexResources::resource;
        StartupParts restored = InitSteps.time("artifact", () -> startupParts(files));
        StartupParts parts = packagedIndex ? restored : restored.withSearch(null);
        return InitSteps.time("assistant", () -> {
            try {
                return Assistant.open(index, files, parts, InitSteps.STEPS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index", e);
            }
        });
    }

    /**
     * The lexicon and models restored from the package's start-up artifact, or computed from its text files when the
     * package has none (the tests' jar does) or one that cannot be used (logged as a warning: a broken package).
     */
    static StartupParts startupParts(KnowledgeFiles files) {
        StartupArtifact.Reading reading = StartupArtifact.read(files);
        switch (reading) {
            case StartupArtifact.Unusable u -> LOG.log(Level.WARNING, "{0}; computing the lexicon and the triage models "
                    + "from the text files instead (same answers, slower init)", u.problem());
            case StartupArtifact.Missing m -> LOG.log(Level.DEBUG, "no start-up artifact in the package: computing the lexicon and models");
            case StartupArtifact.Restored r -> {
            }
        }
        return StartupArtifact.restoreOrCompute(reading, files);
    }

    /** The knowledge base's procedure titles by id, for checking the ids officers give (opens the index now, in init). */
    public static ProcedureTitles procedureTitles() {
        KnowledgeBase knowledge = assistant().knowledgeBase();
        return id -> knowledge.find(id).map(Procedure::title);
    }

    /** Every procedure of the knowledge base by title, for officers choosing one. */
    public static ProcedureDirectory procedureDirectory() {
        return new ProcedureDirectory(assistant().knowledgeBase().procedures().stream().map(Procedure::ref).toList());
    }

    /**
     * The store everything is recorded in: DynamoDB when {@code TABLE_NAME} is set (with {@code DYNAMODB_ENDPOINT}
     * for a local server), else the in-process store (local runs only: it forgets everything on exit).
     */
    public static Store store() {
        return StoreHolder.STORE;
    }

    /**
     * The store {@code env} selects (as {@link #store()} does), with the pages of {@code PAGES_FILE} registered
     * when it is set.
     */
    public static Store store(Map<String, String> env) {
        Store store = InitSteps.time("store", () -> DynamoDbSettings.fromEnvironment(env)
                .<Store>map(s -> new DynamoDbStore(DynamoDbStore.client(s), s.tableName(), Clock.systemUTC(), s.store()))
                .orElseGet(InProcessStore::new));
        String pagesFile = env.get("PAGES_FILE");
        if (pagesFile != null && !pagesFile.isBlank()) {
            InitSteps.time("pages", () -> {
                registerPages(Path.of(pagesFile.strip()), store);
                return null;
            });
        }
        return store;
    }

    /** Registers the file's pages that the registry does not hold yet (see {@link PagesFile#register}). */
    static void registerPages(Path file, Store store) {
        PagesFile.Registered r = PagesFile.register(PagesFile.read(file), store, false);
        LOG.log(Level.INFO, "pages from {0}: {1} registered, {2} already registered kept as stored", file, r.added().size(),
                r.kept().size());
    }

    /** The webhook configured from this process's environment, over {@link #store()} and the SQS queue, built on first use. */
    public static Webhook webhook() {
        return WebhookHolder.WEBHOOK;
    }

    /**
     * The webhook over a given store and queue: it verifies, parses, bounds timestamps and queues; it opens no index
     * and builds no assistant (the worker does).
     */
    public static Webhook webhook(WebhookSettings settings, Store store, MessageQueue queue, Clock clock) {
        InitSteps.time("json", () -> JsonFields.object(new byte[] {'{', '}'}));
        MessengerAdapter messenger = settings.messengerConfigured()
                ? new MessengerAdapter(settings.messengerAppSecret(), settings.messengerVerifyToken()) : null;
        ZaloAdapter zalo = settings.zaloConfigured() ? new ZaloAdapter(settings.zaloAppId(), settings.zaloOaSecret(),
                settings.zaloReplayWindow(), clock) : null;
        SentAtBounds times = new SentAtBounds(settings.zaloReplayWindow(), SentAtBounds.DEFAULT_SKEW, clock);
        return new Webhook(messenger, "set MESSENGER_APP_SECRET (and MESSENGER_VERIFY_TOKEN)", zalo, "set ZALO_APP_ID and ZALO_OA_SECRET",
                new Admission(store, queue), times, settings.zaloSiteVerification());
    }

    /** The worker configured from this process's environment, over {@link #store()}, built on first use. */
    public static QueueConsumer worker() {
        return WorkerHolder.WORKER;
    }

    /** The worker over a given store: decides, records, sends and marks each queued message. */
    public static QueueConsumer worker(WebhookSettings settings, Store store, Clock clock) {
        ChannelReplies replies = channelReplies(settings, settings.workerChannelTimeout(), store, clock);
        Assistant assistant = assistant();
        MessageIntake intake = new MessageIntake(new ConversationPolicy(assistant::decide, assistant.knowledgeBase()), store,
                replies, clock, settings.conversationLimits());
        return new QueueWorker(m -> {
            boolean begun = LogContext.beginUnlessRunning(m.messageId());
            try {
                return !intake.handle(m).needsRedelivery();
            } finally {
                if (begun) {
                    LogContext.end();
                }
            }
        }, settings.maxReceives());
    }

    /** The DynamoDB and SQS endpoints the environment's store and queue call (none for the in-process store or queue). */
    static List<URI> awsEndpoints(Map<String, String> env) {
        List<URI> endpoints = new ArrayList<>();
        DynamoDbSettings.fromEnvironment(env).ifPresent(s -> endpoints.add(AwsJsonHttp.endpoint("dynamodb", s.region(), s.endpoint())));
        SqsSettings.fromEnvironment(env).ifPresent(s -> endpoints.add(AwsJsonHttp.endpoint("sqs", s.region(), s.endpoint())));
        return endpoints;
    }

    /** The SQS queue {@code QUEUE_URL} names, or empty when it is not set. */
    public static Optional<MessageQueue> sqsQueue(Map<String, String> env) {
        return SqsSettings.fromEnvironment(env).map(s -> InitSteps.time("queue", () -> new SqsMessageQueue(s)));
    }

    /**
     * The webhook and the worker joined by the in-process queue, as the local runner and the tests run them when no
     * {@code QUEUE_URL} is set: the same path as in a deployment, without its durability.
     */
    public static InProcessPath inProcess(WebhookSettings settings, Store store, Clock clock, QueueSettings queueSettings) {
        InProcessQueue queue = new InProcessQueue(queueSettings);
        Webhook webhook = webhook(settings, store, queue, clock);
        queue.start(worker(settings, store, clock));
        return new InProcessPath(webhook, queue);
    }

    /** The webhook and its in-process queue, whose worker is already consuming it. */
    public record InProcessPath(Webhook webhook, InProcessQueue queue) {
    }

    /** The channel clients (Messenger Send API, Zalo OA messages) with the pages' tokens from the store. */
    static ChannelReplies channelReplies(WebhookSettings settings, Duration readTimeout, Store store, Clock clock) {
        return InitSteps.time("channels", () -> {
            ChannelHttp http = new ChannelHttp(settings.channelTimeout(), readTimeout);
            ZaloTokenRefresh refresh = new ZaloTokenRefresh(http, settings.zaloOAuthBase(), settings.zaloAppId(),
                    settings.zaloAppSecret(), store.pages(), clock);
            return new ChannelReplies(store.pages(), new MessengerClient(http, settings.graphApiBase()),
                    new ZaloClient(http, settings.zaloApiBase(), refresh));
        });
    }

    /** The officer API configured from this process's environment, over {@link #store()}, built on first use. */
    public static OfficerApi officerApi() {
        return OfficerApiHolder.API;
    }

    /**
     * The officer API over a given store, configured from {@code env}: the channel settings the webhook reads
     * (where replies go) and {@code ZALO_REPLY_WINDOW_HOURS}.
     */
    public static OfficerApi officerApi(Map<String, String> env, Store store, Clock clock) {
        OfficerSettings settings = OfficerSettings.from(env);
        WebhookSettings channels = WebhookSettings.from(env);
        OfficerDesk desk = new OfficerDesk(store, channelReplies(channels, channels.channelTimeout(), store, clock),
                settings.replyWindows(), procedureTitles(), procedureDirectory(), settings.paidViolationRetention(), clock);
        return new OfficerApi(desk);
    }

    /** The officer console's files, signing in as {@code CONSOLE_COGNITO_*} in this process's environment say. */
    public static ConsoleAssets consoleAssets() {
        return new ConsoleAssets(ConsoleSettings.from(System.getenv()));
    }

    /** The Lambda officer function's API, with its SnapStart priming (kept here: CRaC holds resources weakly). */
    private static final class OfficerApiHolder {
        static final OfficerApi API = officerApiInit();
        static final Priming PRIMING = priming(store()).register();
    }

    private static final class StoreHolder {
        static final Store STORE = store(System.getenv());
    }

    /**
     * The Lambda function's webhook; with it, its SnapStart priming (kept here: CRaC holds resources weakly), which
     * runs no decision: the webhook has no assistant.
     */
    private static final class WebhookHolder {
        static {
            // First: the TLS set-up and handshakes of its two endpoints overlap the rest of init and the event's reading.
            TlsWarmUp.startInInit(awsEndpoints(System.getenv()));
        }

        static final MessageQueue QUEUE = sqsQueue(System.getenv()).orElseThrow(() -> new IllegalStateException(
                "QUEUE_URL is not set: the webhook queues every message for the worker (template.yaml sets it)"));
        static final Webhook WEBHOOK = webhook(WebhookSettings.fromEnvironment(), store(), QUEUE, Clock.systemUTC());
        static final Priming PRIMING = new Priming(null, primingStoreCall(store())).register();
    }

    /** The Lambda worker function's consumer, with its SnapStart priming (decisions included). */
    private static final class WorkerHolder {
        static final QueueConsumer WORKER = workerInit();
        static final Priming PRIMING = priming(store()).register();
    }

    private static QueueConsumer workerInit() {
        // No TLS warm-up here (as the webhook has): measured, a third thread beside the assistant's and the main one slowed
        // the assistant's build, the longest part of the worker's init, more than the first calls gained.
        openAssistantInBackground();
        return worker(WebhookSettings.fromEnvironment(), store(), Clock.systemUTC());
    }

    private static OfficerApi officerApiInit() {
        openAssistantInBackground();
        return officerApi(System.getenv(), store(), Clock.systemUTC());
    }

    /** Priming for the assistant and the store. */
    static Priming priming(Store store) {
        return new Priming(assistant(), primingStoreCall(store));
    }

    /** The store's harmless call: a read of a key nobody writes (on DynamoDB, its connection closed after). */
    static Runnable primingStoreCall(Store store) {
        return store instanceof DynamoDbStore dynamo ? dynamo::primingRead : () -> store.pages().find(Channel.ZALO, "priming");
    }

    private static final class AssistantHolder {
        static final Assistant ASSISTANT = buildAssistant();

        private static Assistant buildAssistant() {
            return openAssistant(InitSteps.time("index", KnowledgeIndexResources::openIndex), true);
        }
    }
}
