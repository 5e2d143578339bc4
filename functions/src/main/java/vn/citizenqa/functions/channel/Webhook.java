package vn.citizenqa.functions.channel;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.SentAtBounds;
import vn.citizenqa.core.queue.Admission;
import vn.citizenqa.core.queue.QueueUnavailableException;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.channel.messenger.MessengerAdapter;
import vn.citizenqa.functions.channel.zalo.ZaloAdapter;
import vn.citizenqa.functions.logging.LogContext;

/**
 * The webhook routes ({@link WebhookRoute}): {@code GET /webhook/messenger} (the subscription handshake),
 * {@code POST /webhook/messenger} and {@code POST /webhook/zalo} (and {@code GET /}, Zalo's domain verification page,
 * when configured). Verifies through the channel's adapter, bounds the platform's timestamps, puts every citizen's
 * message not yet answered on the queue for the worker ({@link Admission}) and answers at once, whatever the channel
 * API is doing: 200 queued, 401 not genuine, 400 not JSON, 413 too large, 503 the queue or the store is unreachable
 * (the platform delivers again; nothing was acknowledged). It opens no index and builds no assistant.
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
    private static final System.Logger SECURITY = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.security");
    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.webhook");

    private final MessengerAdapter messenger;
    private final ZaloAdapter zalo;
    private final Admission admission;
    private final SentAtBounds times;
    private final String messengerMissing;
    private final String zaloMissing;
    private final String zaloSiteVerification;

    /**
     * @param messenger            null when Messenger is not configured; {@code messengerMissing} then says what to set
     * @param zalo                 null when Zalo is not configured; {@code zaloMissing} then says what to set
     * @param zaloSiteVerification the content of Zalo's domain-verification meta tag, served at {@code GET /}; null for none
     */
    public Webhook(MessengerAdapter messenger, String messengerMissing, ZaloAdapter zalo, String zaloMissing,
                   Admission admission, SentAtBounds times, String zaloSiteVerification) {
        this.messenger = messenger;
        this.zalo = zalo;
        this.admission = admission;
        this.times = times;
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
        List<InboundMessage.FromCitizen> queued = new ArrayList<>();
        int ignored = 0;
        for (InboundMessage message : accepted.messages()) {
            switch (message) {
                case InboundMessage.Ignored i -> {
                    // The kind only: an ignored event may carry a citizen's words.
                    LOG.log(Level.INFO, "{0} page {1}: {2} ignored", channel, i.pageId(), i.kind());
                    ignored++;
                }
                case InboundMessage.PolicyEnforcement p -> {
                    LOG.log(Level.WARNING, "{0} page {1}: the platform took a policy-enforcement action, {2}: {3}",
                            p.channel().wireName(), p.pageId(), p.action(), p.reason());
                    if (!"unblock".equals(p.action())) {
                        // Counted where the alarm reads it (template.yaml's PolicyEnforcementAlarm): a blocked page answers nobody.
                        System.out.println(policyEnforcementMetric(p, java.time.Instant.now()));
                    }
                    ignored++;
                }
                case InboundMessage.FromCitizen m -> queued.add(times.bound(m));
            }
        }
        Admission.Admitted admitted;
        try {
            admitted = queued.isEmpty() ? new Admission.Admitted(0, 0) : admission.admit(queued);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.ERROR, channel + " webhook: the store is unreachable; answering 503 so the platform delivers again", e);
            return WebhookResponse.error(503, "the store is unavailable; deliver again later");
        } catch (QueueUnavailableException e) {
            LOG.log(Level.ERROR, channel + " webhook: " + queued.size() + " messages could not be queued; answering 503 so "
                    + "the platform delivers again", e);
            return WebhookResponse.error(503, "the queue is unavailable; deliver again later");
        }
        return WebhookResponse.json(200, JsonFields.newObject().put("received", accepted.messages().size())
                .put("queued", admitted.queued()).put("duplicates", admitted.alreadyAnswered()).put("ignored", ignored));
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
