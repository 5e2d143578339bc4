package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.conversation.ConversationService;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.ChannelReplies;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.channel.messenger.MessengerAdapter;
import vn.citizenqa.functions.channel.messenger.MessengerClient;
import vn.citizenqa.functions.channel.zalo.ZaloAdapter;
import vn.citizenqa.functions.channel.zalo.ZaloClient;
import vn.citizenqa.functions.channel.zalo.ZaloTokenRefresh;

/**
 * Builds the object graph once per container (static init), the one place where parts are chosen and
 * connected. Handlers and the local runner take what they need from here.
 */
public final class Wiring {

    private static final System.Logger LOG = System.getLogger("citizenqa.wiring");

    private Wiring() {
    }

    /** The assistant over the packaged index, built on first use. */
    public static Assistant assistant() {
        return AssistantHolder.ASSISTANT;
    }

    /** The webhook configured from this process's environment, built on first use. */
    public static Webhook webhook() {
        return WebhookHolder.WEBHOOK;
    }

    /** A webhook configured from {@code env} (the local runner's {@code --env-vars}), with the store it selects. */
    public static Webhook webhook(Map<String, String> env) {
        WebhookSettings settings = WebhookSettings.from(env);
        return webhook(settings, store(settings), Clock.systemUTC());
    }

    /**
     * The store the settings select, with the pages of {@code PAGES_FILE} registered: in-process unless
     * {@code TABLE_NAME} names a DynamoDB table.
     */
    public static Store store(WebhookSettings settings) {
        if (settings.tableName() != null) {
            throw new IllegalStateException("TABLE_NAME is set, but this build has no DynamoDB store yet; unset it to use the in-process store");
        }
        Store store = new InProcessStore();
        registerPages(settings, store);
        return store;
    }

    static void registerPages(WebhookSettings settings, Store store) {
        if (settings.pagesFile() == null) {
            return;
        }
        var pages = PagesFile.read(Path.of(settings.pagesFile()));
        for (PageRegistration page : pages) {
            store.pages().register(page);
        }
        LOG.log(Level.INFO, "{0} pages registered from {1}", pages.size(), settings.pagesFile());
    }

    /** The webhook over a given store (tests and the local runner share one store between handlers). */
    public static Webhook webhook(WebhookSettings settings, Store store, Clock clock) {
        ChannelHttp http = new ChannelHttp(settings.channelTimeout(), settings.channelTimeout());
        ZaloTokenRefresh refresh = new ZaloTokenRefresh(http, settings.zaloOAuthBase(), settings.zaloAppId(), settings.zaloAppSecret(),
                store.pages(), clock);
        ChannelReplies replies = new ChannelReplies(store.pages(), new MessengerClient(http, settings.graphApiBase()),
                new ZaloClient(http, settings.zaloApiBase(), refresh));
        Assistant assistant = assistant();
        ConversationService conversations = new ConversationService(assistant::decide, assistant.knowledgeBase(), store, replies, clock);
        MessengerAdapter messenger = settings.messengerConfigured()
                ? new MessengerAdapter(settings.messengerAppSecret(), settings.messengerVerifyToken()) : null;
        ZaloAdapter zalo = settings.zaloConfigured() ? new ZaloAdapter(settings.zaloAppId(), settings.zaloOaSecret()) : null;
        return new Webhook(messenger, "set MESSENGER_APP_SECRET (and MESSENGER_VERIFY_TOKEN)", zalo, "set ZALO_APP_ID and ZALO_OA_SECRET",
                conversations);
    }

    private static final class AssistantHolder {
        static final Assistant ASSISTANT = buildAssistant();

        private static Assistant buildAssistant() {
            try {
                ProcedureSearcher searcher = new ProcedureSearcher(KnowledgeIndexResources.openIndex());
                return new Assistant(searcher, new Triage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the packaged index", e);
            }
        }
    }

    private static final class WebhookHolder {
        static final Webhook WEBHOOK = webhook(System.getenv());
    }
}
