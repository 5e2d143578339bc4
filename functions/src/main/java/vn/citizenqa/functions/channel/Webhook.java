package vn.citizenqa.functions.channel;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.conversation.MessageIntake;
import vn.citizenqa.core.conversation.Outcome;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.channel.messenger.MessengerAdapter;
import vn.citizenqa.functions.channel.zalo.ZaloAdapter;
import vn.citizenqa.functions.logging.LogContext;

/**
 * The webhook routes ({@link WebhookRoute}): {@code GET /webhook/messenger} (the subscription handshake),
 * {@code POST /webhook/messenger} and {@code POST /webhook/zalo} (and {@code GET /}, Zalo's domain verification page,
 * when configured). Verifies through the channel's adapter, hands each message to the conversation
 * service, and turns the outcomes into the status the platform acts on: 200 done, 401 not genuine, 400 not
 * JSON, 413 too large, 502 a reply could not be sent, 503 the store is unreachable or another delivery still holds
 * the message (each makes the platform deliver again).
 */
public final class Webhook {

    public static final String MESSENGER_PATH = WebhookRoute.MESSENGER_EVENTS.template();
    public static final String ZALO_PATH = WebhookRoute.ZALO_EVENTS.template();
    /**
     * The largest body read (1 MiB). A platform's event is a few kilobytes, a full Messenger batch well under this;
     * anything larger is refused with 413 before its signature is computed or a byte of it is parsed.
     */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** The metric template.yaml's PolicyEnforcementAlarm watches. */
    public static final String POLICY_ENFORCEMENTS = "PolicyEnforcements";
    private static final System.Logger SECURITY = System.getLogger("citizenqa.security");
    private static final System.Logger LOG = System.getLogger("citizenqa.webhook");

    private final MessengerAdapter messenger;
    private final ZaloAdapter zalo;
    private final MessageIntake conversations;
    private final String messengerMissing;
    private final String zaloMissing;
    private final String zaloSiteVerification;

    /**
     * @param messenger            null when Messenger is not configured; {@code messengerMissing} then says what to set
     * @param zalo                 null when Zalo is not configured; {@code zaloMissing} then says what to set
     * @param zaloSiteVerification the content of Zalo's domain-verification meta tag, served at {@code GET /}; null for none
     */
    public Webhook(MessengerAdapter messenger, String messengerMissing, ZaloAdapter zalo, String zaloMissing,
                   MessageIntake conversations, String zaloSiteVerification) {
        this.messenger = messenger;
        this.zalo = zalo;
        this.conversations = conversations;
        this.messengerMissing = messengerMissing;
        this.zaloMissing = zaloMissing;
        this.zaloSiteVerification = zaloSiteVerification;
    }

    public WebhookResponse handle(WebhookRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return tooLarge(request.path(), request.sourceIp(), request.body().length);
        }
        Optional<WebhookRoute> route = WebhookRoute.match(request.method(), request.path());
        if (route.isEmpty()) {
            List<String> methods = WebhookRoute.methodsOf(request.path());
            return methods.isEmpty() || request.path().equals("/")
                    ? WebhookResponse.error(404, "no route for " + request.method() + " " + request.path())
                    : WebhookResponse.error(405, "use " + String.join(" or ", methods));
        }
        return switch (route.get()) {
            case MESSENGER_HANDSHAKE -> messenger == null ? notConfigured("messenger", messengerMissing) : handshake(request);
            case MESSENGER_EVENTS -> messenger == null ? notConfigured("messenger", messengerMissing) : deliver("messenger", request, messenger.read(request));
            case ZALO_EVENTS -> zalo == null ? notConfigured("zalo", zaloMissing) : deliver("zalo", request, zalo.read(request));
            case ZALO_DOMAIN_VERIFICATION -> zaloSiteVerification != null
                    ? new WebhookResponse(200, "text/html; charset=utf-8", "<!doctype html><html><head><meta name=\"zalo-platform-site-verification\" content=\""
                            + zaloSiteVerification + "\" /><title>citizen-qa</title></head><body></body></html>")
                    : WebhookResponse.error(404, "no route for " + request.method() + " " + request.path());
        };
    }

    private WebhookResponse handshake(WebhookRequest request) {
        Optional<String> challenge = messenger.handshake(request);
        if (challenge.isEmpty()) {
            SECURITY.log(Level.WARNING, "messenger webhook: subscription handshake refused (wrong verify token or mode) from {0}",
                    request.sourceIp());
            return WebhookResponse.error(403, "verification failed");
        }
        return WebhookResponse.text(200, challenge.get());
    }

    private WebhookResponse deliver(String channel, WebhookRequest request, ParsedWebhook parsed) {
        LogContext.put(LogContext.Field.CHANNEL, channel);
        return switch (parsed) {
            case ParsedWebhook.Unauthorized u -> {
                LogContext.put(LogContext.Field.OUTCOME, "rejected");
                // Never the body: it is unauthenticated input and may hold personal data.
                SECURITY.log(Level.WARNING, "{0} webhook: rejected, {1}; from {2}; {3} bytes not processed",
                        channel, u.reason(), request.sourceIp(), request.body().length);
                yield WebhookResponse.error(401, "invalid signature");
            }
            case ParsedWebhook.Malformed m -> WebhookResponse.error(400, m.reason());
            case ParsedWebhook.Probe p -> WebhookResponse.json(200, JsonFields.newObject().put("status", "ok"));
            case ParsedWebhook.Stale st -> {
                LogContext.put(LogContext.Field.OUTCOME, "replayed");
                SECURITY.log(Level.WARNING, "{0} webhook: ignored a replayed event ({1}); from {2}", channel, st.reason(),
                        request.sourceIp());
                yield WebhookResponse.json(200, JsonFields.newObject().put("status", "ignored")
                        .put("reason", "event too old"));
            }
            case ParsedWebhook.Accepted a -> process(channel, a);
        };
    }

    private WebhookResponse process(String channel, ParsedWebhook.Accepted accepted) {
        ObjectNode summary = JsonFields.newObject();
        summary.put("received", accepted.messages().size());
        int replied = 0;
        int withheld = 0;
        int duplicates = 0;
        int ignored = 0;
        int unknownPage = 0;
        int failed = 0;
        int inProgress = 0;
        int errors = 0;
        for (InboundMessage message : accepted.messages()) {
            if (message instanceof InboundMessage.PolicyEnforcement p && !"unblock".equals(p.action())) {
                // Counted where the alarm reads it (template.yaml's PolicyEnforcementAlarm): a blocked page answers nobody.
                System.out.println(policyEnforcementMetric(p, java.time.Instant.now()));
            }
            Outcome outcome;
            try {
                outcome = conversations.handle(message);
            } catch (StoreUnavailableException e) {
                LogContext.put(LogContext.Field.OUTCOME, "store_unreachable");
                LOG.log(Level.ERROR, channel + " webhook: the store is unreachable; answering 503 so the platform delivers again", e);
                return WebhookResponse.error(503, "the store is unavailable; deliver again later");
            } catch (RuntimeException e) {
                // A fault of ours: the platform delivers again, and a redelivery resumes from what was stored.
                LogContext.put(LogContext.Field.OUTCOME, "failed");
                LOG.log(Level.ERROR, channel + " webhook: message " + message.messageId() + " failed", e);
                errors++;
                continue;
            }
            switch (outcome) {
                case Outcome.Replied r -> replied++;
                case Outcome.Withheld w -> withheld++;
                case Outcome.AlreadyAnswered d -> duplicates++;
                case Outcome.InProgress p -> inProgress++;
                case Outcome.Ignored i -> ignored++;
                case Outcome.UnknownPage u -> unknownPage++;
                case Outcome.SendFailed f -> failed++;
            }
        }
        summary.put("replied", replied).put("withheld", withheld).put("duplicates", duplicates).put("ignored", ignored)
                .put("unknownPage", unknownPage).put("sendFailed", failed).put("inProgress", inProgress).put("errors", errors);
        if (errors > 0) {
            return WebhookResponse.json(500, summary);
        }
        if (failed > 0) {
            return WebhookResponse.json(502, summary);
        }
        // Held by a delivery that has not finished (and may have died): the platform comes back after its lease.
        return WebhookResponse.json(inProgress > 0 ? 503 : 200, summary);
    }

    /** The embedded-metric log line counting a platform's warning or block of a page (never the citizen's words: there are none). */
    public static String policyEnforcementMetric(InboundMessage.PolicyEnforcement p, java.time.Instant at) {
        return vn.citizenqa.functions.watch.EmbeddedMetrics.line(at,
                java.util.Map.of(POLICY_ENFORCEMENTS, new vn.citizenqa.functions.watch.EmbeddedMetrics.Metric(1, "Count")),
                java.util.Map.of("channel", p.channel().wireName(), "pageId", String.valueOf(p.pageId()), "action", p.action()));
    }

    /** 413 for a body over {@link #MAX_BODY_BYTES}; {@code size} may be an estimate when it was never decoded. */
    public static WebhookResponse tooLarge(String path, String sourceIp, long size) {
        LogContext.put(LogContext.Field.OUTCOME, "too_large");
        SECURITY.log(Level.WARNING, "webhook {0}: refused a body of about {1} bytes (limit {2}) from {3}", path, size,
                MAX_BODY_BYTES, sourceIp);
        return WebhookResponse.error(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static WebhookResponse notConfigured(String channel, String missing) {
        LogContext.put(LogContext.Field.CHANNEL, channel);
        LogContext.put(LogContext.Field.OUTCOME, "not_configured");
        LOG.log(Level.ERROR, "{0} webhook called but not configured: {1}", channel, missing);
        return WebhookResponse.error(503, channel + " is not configured on this deployment");
    }
}
