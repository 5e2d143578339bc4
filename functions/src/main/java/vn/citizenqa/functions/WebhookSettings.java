package vn.citizenqa.functions;

import java.time.Duration;
import java.util.Map;

import vn.citizenqa.core.conversation.ConversationLimits;
import vn.citizenqa.core.queue.QueueSettings;

/**
 * The webhook's configuration, read from the environment (a Lambda's variables, or {@code --env-vars} locally).
 * Secrets left unset disable their channel: its route answers 503 and says which variable is missing.
 *
 * @param graphApiBase  replies go to {@code $GRAPH_API_BASE/me/messages}
 * @param zaloApiBase   replies go to {@code $ZALO_API_BASE/v3.0/oa/message/cs}
 * @param zaloOAuthBase tokens are refreshed at {@code $ZALO_OAUTH_BASE/v4/oa/access_token}
 * @param zaloAppSecret the Zalo app's secret key, sent when refreshing an OA token (not the OA secret key)
 * @param zaloReplayWindow Zalo events whose {@code timestamp} is older are ignored as replays (zero: no check)
 * @param messagesPerMinute how many messages a citizen may send a page in a minute and get automatic replies (0: no limit)
 * @param zaloSiteVerification {@code ZALO_SITE_VERIFICATION}: the content of the meta tag Zalo's developer console
 *                      gives to verify the webhook's domain; when set, {@code GET /} answers a page carrying it
 * @param maxReceives   {@code MAX_RECEIVES}: how many receives the queue allows a message before its dead-letter queue
 *                      (the redrive policy's maxReceiveCount): on its last, a failing message stops holding the
 *                      citizen's later messages
 *
 * <p>The store ({@code TABLE_NAME}, {@code DYNAMODB_ENDPOINT}…) and {@code PAGES_FILE} are read by {@link Wiring#store(Map)}.
 */
public record WebhookSettings(String messengerAppSecret, String messengerVerifyToken, String zaloAppId, String zaloOaSecret,
                              String zaloAppSecret, String graphApiBase, String zaloApiBase, String zaloOAuthBase,
                              Duration channelTimeout, Duration workerChannelTimeout, Duration zaloReplayWindow,
                              int messagesPerMinute, String zaloSiteVerification, int maxReceives) {

    public static final String DEFAULT_GRAPH_API_BASE = "https://graph.facebook.com/v23.0";
    public static final String DEFAULT_ZALO_API_BASE = "https://openapi.zalo.me";
    public static final String DEFAULT_ZALO_OAUTH_BASE = "https://oauth.zaloapp.com";
    /** How long connecting to a channel API may take, and an officer's reply (a person waits on the console). */
    public static final Duration DEFAULT_CHANNEL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the worker waits for a channel API's answer once the request is sent. The worker is not bound by the
     * platform's 2 s: a slow API is waited for rather than given up on, since a reply given up on after it was sent
     * cannot be told from one that never arrived (see {@code ChannelHttp}).
     */
    public static final Duration DEFAULT_WORKER_CHANNEL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Zalo retries a failed delivery after about 30 s, 5, 15 and 30 minutes and 1 hour: about 1 h 50 min after the
     * first attempt if those delays add up. Three hours takes every retry with room for clock skew, and stays far
     * below the 30 days a message claim is remembered, so an older replay can never be answered twice.
     */
    public static final Duration DEFAULT_ZALO_REPLAY_WINDOW = Duration.ofHours(3);

    public static WebhookSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static WebhookSettings from(Map<String, String> env) {
        return new WebhookSettings(
                value(env, "MESSENGER_APP_SECRET", null),
                value(env, "MESSENGER_VERIFY_TOKEN", null),
                value(env, "ZALO_APP_ID", null),
                value(env, "ZALO_OA_SECRET", null),
                value(env, "ZALO_APP_SECRET", null),
                value(env, "GRAPH_API_BASE", DEFAULT_GRAPH_API_BASE),
                value(env, "ZALO_API_BASE", DEFAULT_ZALO_API_BASE),
                value(env, "ZALO_OAUTH_BASE", DEFAULT_ZALO_OAUTH_BASE),
                millis(env, "CHANNEL_TIMEOUT_MS", DEFAULT_CHANNEL_TIMEOUT),
                millis(env, "WORKER_CHANNEL_TIMEOUT_MS", DEFAULT_WORKER_CHANNEL_TIMEOUT),
                minutes(env, "ZALO_REPLAY_WINDOW_MINUTES", DEFAULT_ZALO_REPLAY_WINDOW),
                count(env, "RATE_LIMIT_PER_MINUTE", ConversationLimits.DEFAULT.messagesPerMinute()),
                siteVerification(value(env, "ZALO_SITE_VERIFICATION", null)),
                Math.toIntExact(whole(env, "MAX_RECEIVES", 1, QueueSettings.DEFAULT.maxReceives(), "a whole number of at least 1")));
    }

    public boolean messengerConfigured() {
        return messengerAppSecret != null;
    }

    public boolean zaloConfigured() {
        return zaloAppId != null && zaloOaSecret != null;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** Written into an HTML attribute: only the characters such codes are made of. */
    private static String siteVerification(String v) {
        if (v != null && !v.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("ZALO_SITE_VERIFICATION must be the meta tag's content (letters, digits, - and _), not '"
                    + v + "'");
        }
        return v;
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofMillis(whole(env, name, 1, fallback.toMillis(), "a positive number of milliseconds"));
    }

    private static Duration minutes(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofMinutes(whole(env, name, 0, fallback.toMinutes(), "a number of minutes (0: no check)"));
    }

    private static int count(Map<String, String> env, String name, int fallback) {
        return Math.toIntExact(whole(env, name, 0, fallback, "a whole number (0: no limit)"));
    }

    /** A whole number of at least {@code min}, or {@code fallback} when unset; anything else names the variable. */
    private static long whole(Map<String, String> env, String name, long min, long fallback, String what) {
        String v = value(env, name, null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be " + what + ", not '" + v + "'");
    }

    /** The conversation service's limits these settings give. */
    public ConversationLimits conversationLimits() {
        return ConversationLimits.DEFAULT.withMessagesPerMinute(messagesPerMinute);
    }

    @Override
    public String toString() {
        return "WebhookSettings[messenger=" + messengerConfigured() + ", zalo=" + zaloConfigured() + ", graphApiBase=" + graphApiBase
                + ", zaloApiBase=" + zaloApiBase + ", zaloOAuthBase=" + zaloOAuthBase
                + ", channelTimeout=" + channelTimeout + ", workerChannelTimeout=" + workerChannelTimeout + ", zaloReplayWindow=" + zaloReplayWindow
                + ", messagesPerMinute=" + messagesPerMinute + ", zaloSiteVerification=" + (zaloSiteVerification != null) + ", maxReceives=" + maxReceives + "]";
    }
}
