package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.citizenqa.functions.WebhookRig.utf8;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.ForwardingStore;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.ThrottlingProxy;

/**
 * One test per fault, on DynamoDB (dynalite) and the loopback channel stand-in, through the webhook → queue → worker
 * path: whatever fails in the middle of the worker's work, the queue hands the message to the worker again and that
 * receive finishes the work — the citizen gets exactly one reply, nothing is lost and nothing is sent twice. Each
 * receive after a failure comes a visibility timeout later (template.yaml: longer than a claim's lease), which the
 * test plays by moving the clock; {@code healed} runs before the first of them.
 *
 * <p>Faults covered elsewhere: an unreachable store at the webhook (WebhookHandlerTest, ServeOnDynamoDbTest), a
 * channel answering 5xx (WebhookHandlerTest, WebhookOnDynamoDbTest), throttling retried inside one call
 * (DynamoDbFailureTest), a poison message (the queue contract tests, ServeOnSqsTest).
 */
class FaultRecoveryTest {

    private static final String QUESTION = "Đăng ký tạm trú cần giấy tờ gì?";

    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table = dynamo.createTable();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final List<AutoCloseable> open = new ArrayList<>();
    /** What heals the fault of the current test, run once before the first retry. */
    private final AtomicReference<Runnable> heal = new AtomicReference<>(() -> { });
    private final AtomicInteger retries = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Store storeAt(java.net.URI endpoint) {
        return storeAt(endpoint, 2);
    }

    /** @param attempts per call; the SDK backs off between them (DynamoDbFailureTest shows it retrying throttling) */
    private Store storeAt(java.net.URI endpoint, int attempts) {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT",
                endpoint.toString())).orElseThrow().withAttempts(attempts, Duration.ofMillis(500), Duration.ofSeconds(3));
        return new DynamoDbStore(DynamoDbStore.client(settings), table, clock, StoreSettings.defaults());
    }

    private WebhookRig rig(Store store, Map<String, String> env) {
        WebhookRig rig = new WebhookRig(store, clock, env, null, () -> {
            retries.incrementAndGet();
            heal.getAndSet(() -> { }).run();
            clock.advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusMinutes(1));
        });
        open.add(rig);
        return rig;
    }

    private static APIGatewayV2HTTPEvent question(String mid) {
        return WebhookRig.messenger(utf8(Signed.messengerText(WebhookRig.PAGE, "psid-" + mid, mid, QUESTION)));
    }

    /** Delivers as a platform does until it gets a 2xx (the webhook answers 503 only while the store is out of reach). */
    private List<Integer> deliverUntilAcknowledged(WebhookRig rig, APIGatewayV2HTTPEvent event) {
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            int status = rig.call(event).getStatusCode();
            statuses.add(status);
            if (status / 100 == 2) {
                return statuses;
            }
            assertEquals(503, status, "asks for a redelivery: " + statuses);
            heal.getAndSet(() -> { }).run();
        }
        throw new AssertionError("never acknowledged: " + statuses);
    }

    /** One more delivery of an answered event is acknowledged and changes nothing. */
    private static void aDuplicateChangesNothing(WebhookRig rig, APIGatewayV2HTTPEvent event) {
        int replies = rig.channels.deliveries().size();
        assertEquals(200, rig.call(event).getStatusCode(), "a later duplicate is acknowledged");
        assertEquals(replies, rig.channels.deliveries().size(), "and not answered again");
    }

    /** Marking a message sent is the delivery's last store work: the claim read, then written on its version. */
    private static final int CALLS_TO_MARK_SENT = 2;

    @Test
    void aThrottledStoreAtAnyStepIsRetriedByTheQueueAndAnswersOnce() {
        ThrottlingProxy proxy = ThrottlingProxy.to(dynamo.endpoint());
        open.add(proxy);
        // One attempt per call: throttling that outlasts the SDK's retries, without waiting through their backoff.
        WebhookRig rig = rig(storeAt(proxy.endpoint(), 1), Map.of());
        int before = proxy.requests();
        deliverUntilAcknowledged(rig, question("m_warmup"));
        int callsPerDelivery = proxy.requests() - before;

        for (int step = 0; step < callsPerDelivery; step++) {
            String mid = "m_throttled_" + step;
            int replies = rig.channels.deliveries().size();
            proxy.throttleAfter(step);
            heal.set(proxy::stop);
            List<Integer> statuses = deliverUntilAcknowledged(rig, question(mid));
            proxy.stop();
            assertEquals(replies + 1, rig.channels.deliveries().size(), "throttled after " + step + " calls: " + statuses);
            assertEquals("psid-" + mid, rig.channels.deliveries().getLast().recipientId());
            MessageState state = rig.store.messages().find(new MessageKey(Channel.MESSENGER, mid)).orElseThrow().state();
            if (step >= callsPerDelivery - CALLS_TO_MARK_SENT) {
                // Throttled only when marking it sent (the claim's read or its write): the citizen has the reply and
                // every record is written, so the worker does not send it again; the claim stays SENDING (README: the
                // one gap left).
                assertEquals(MessageState.SENDING, state);
            } else {
                assertEquals(MessageState.SENT, state, "throttled after " + step + " calls: " + statuses);
                aDuplicateChangesNothing(rig, question(mid));
            }
        }
        assertTrue(proxy.throttled() > 0);
    }

    @Test
    void aSendWhoseAnswerNeverComesIsSentOnceMoreAfterItsLeaseAndNeverAThirdTime() {
        WebhookRig rig = rig(storeAt(dynamo.endpoint()), Map.of("WORKER_CHANNEL_TIMEOUT_MS", "300"));
        // The Send API takes each reply and answers only after the worker stopped waiting, twice.
        rig.channels.freezeFor(Duration.ofSeconds(10));

        assertEquals(List.of(200), deliverUntilAcknowledged(rig, question("m_timeout")));
        MessageClaim claim = rig.store.messages().find(new MessageKey(Channel.MESSENGER, "m_timeout")).orElseThrow();
        assertEquals(MessageState.SENT, claim.state());
        assertEquals(vn.citizenqa.core.conversation.MessageIntake.UNCONFIRMED, claim.platformMessageId());
        assertEquals(2, rig.channels.attempts(), "the first send, and one more after its lease: never a third");
        assertEquals(2, retries.get(), "the receive after the first send's lease sent once more; the next only marked it");
        aDuplicateChangesNothing(rig, question("m_timeout"));
        assertEquals(2, rig.channels.attempts());
    }

    @Test
    void aStallShorterThanTheWorkersTimeoutGivesExactlyOneReply() {
        WebhookRig rig = rig(storeAt(dynamo.endpoint()), Map.of());
        rig.channels.freezeFor(Duration.ofSeconds(2));

        assertEquals(List.of(200), deliverUntilAcknowledged(rig, question("m_stall")));
        aDuplicateChangesNothing(rig, question("m_stall"));

        assertEquals(1, rig.channels.attempts());
        assertEquals(1, rig.channels.deliveries().size());
        assertEquals(0, retries.get());
    }

    @Test
    void aChannelAnswering500TwiceIsRetriedByTheQueueAndAnswersOnce() {
        WebhookRig rig = rig(storeAt(dynamo.endpoint()), Map.of());
        rig.channels.failNext(2, 500);

        assertEquals(List.of(200), deliverUntilAcknowledged(rig, question("m_500")));
        aDuplicateChangesNothing(rig, question("m_500"));

        assertEquals(1, rig.channels.deliveries().size());
        assertEquals(1, retries.get(), "one more receive");
    }

    @Test
    void aRefusedPageTokenIsRetriedUntilTheOperatorReplacesItThenOneReply() {
        Store store = storeAt(dynamo.endpoint());
        WebhookRig rig = rig(store, Map.of());
        rig.channels.refusePageAccessToken(WebhookRig.PAGE_TOKEN);
        heal.set(() -> store.pages().register(new PageRegistration(Channel.MESSENGER, WebhookRig.PAGE, WebhookRig.UNIT,
                "Công an phường Bến Nghé", "a-new-page-token", null, null)));

        deliverUntilAcknowledged(rig, question("m_revoked"));
        aDuplicateChangesNothing(rig, question("m_revoked"));

        assertEquals(1, rig.channels.deliveries().size());
        assertEquals("a-new-page-token", rig.channels.deliveries().getFirst().accessToken());
    }

    @Test
    void aZaloTokenThatCannotBeRefreshedIsRetriedUntilARefreshTokenWorksThenOneReply() {
        WebhookRig rig = rig(storeAt(dynamo.endpoint()), Map.of());
        rig.channels.expireZaloAccessToken("zalo-access-1");
        heal.set(() -> rig.channels.acceptZaloRefreshToken("zalo-refresh-1"));
        APIGatewayV2HTTPEvent event = WebhookRig.zalo(utf8(Signed.zaloText(WebhookRig.OA, "2468458835296197922", "z_expired",
                QUESTION)));

        deliverUntilAcknowledged(rig, event);
        aDuplicateChangesNothing(rig, event);

        assertEquals(1, rig.channels.deliveries().size());
    }

    /** Where the simulated crash kills the worker. */
    enum CrashPoint {
        /** The message is claimed (RECEIVED), nothing decided. */
        AFTER_CLAIM,
        /** The draft is stored (DECIDED), nothing sent. */
        AFTER_DECIDED
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void aWorkerThatCrashesBeforeSendingIsFinishedByTheNextReceiveAfterItsLease(CrashPoint point) {
        Store dynamoStore = storeAt(dynamo.endpoint());
        Crashing crashing = new Crashing(dynamoStore, point);
        WebhookRig rig = rig(crashing, Map.of());
        APIGatewayV2HTTPEvent event = question("m_crash_" + point);

        assertEquals(List.of(200), deliverUntilAcknowledged(rig, event), "queued: the crash is the worker's");
        aDuplicateChangesNothing(rig, event);

        assertEquals(1, retries.get(), "the first receive after the crash finished the work");
        assertEquals(1, rig.channels.deliveries().size(), "answered once");
        MessageClaim claim = dynamoStore.messages().find(new MessageKey(Channel.MESSENGER, "m_crash_" + point)).orElseThrow();
        assertEquals(MessageState.SENT, claim.state());
        assertEquals(((ReplyDraft.Send) claim.draft()).text(), rig.channels.deliveries().getFirst().text(),
                "the stored draft is what is sent");
    }

    @Test
    void anEmergencyOnStandbyWhoseWorkerCrashedAfterDecidingStillReachesOfficersAndNothingIsSent() {
        Store dynamoStore = storeAt(dynamo.endpoint());
        WebhookRig rig = rig(new Crashing(dynamoStore, CrashPoint.AFTER_DECIDED), Map.of());
        APIGatewayV2HTTPEvent event = WebhookRig.messenger(utf8(Signed.fixture("messenger-standby-emergency.json")));

        assertEquals(List.of(200), deliverUntilAcknowledged(rig, event));

        assertEquals(1, retries.get(), "the first receive after the crash finished the work");
        MessageKey key = new MessageKey(Channel.MESSENGER, "m_sig_standby");
        Escalation opened = dynamoStore.escalations().find(NewEscalation.idFor(key))
                .orElseThrow(() -> new AssertionError("the standby emergency's case was not opened after the crash"));
        assertEquals(Priority.URGENT, opened.priority());
        assertTrue(opened.reason().contains("chế độ chờ"), opened.reason());
        assertTrue(rig.channels.deliveries().isEmpty(), "another app holds the thread: " + rig.channels.deliveries());
        assertEquals(MessageState.SENT, dynamoStore.messages().find(key).orElseThrow().state());
    }

    /** The store, with a delivery's container killed once at {@code point} (the write there has happened). */
    private static final class Crashing extends ForwardingStore {
        private final CrashPoint point;
        private final AtomicBoolean armed = new AtomicBoolean(true);

        Crashing(Store store, CrashPoint point) {
            super(store);
            this.point = point;
        }

        private void maybeCrash(CrashPoint here) {
            if (here == point && armed.getAndSet(false)) {
                throw new IllegalStateException("simulated crash: the container died " + here);
            }
        }

        @Override
        public MessageClaims messages() {
            return new ForwardingStore.Claims(store.messages()) {
                @Override
                public ClaimResult claim(MessageKey key) {
                    ClaimResult r = claims.claim(key);
                    if (r instanceof ClaimResult.New) {
                        maybeCrash(CrashPoint.AFTER_CLAIM);
                    }
                    return r;
                }

                @Override
                public ClaimUpdate markDecided(MessageKey key, String owner, ReplyDraft draft) {
                    ClaimUpdate u = claims.markDecided(key, owner, draft);
                    maybeCrash(CrashPoint.AFTER_DECIDED);
                    return u;
                }
            };
        }
    }
}
