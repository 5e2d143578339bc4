package vn.citizenqa.functions.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TcpRelay;

/** When DynamoDB is unreachable, throttles or lacks the table: a clear exception, and nothing a redelivery cannot finish. */
class DynamoDbFailureTest {

    private static final MessageKey MESSAGE = new MessageKey(Channel.MESSENGER, "m_down");
    private static final ConversationKey CONVERSATION = new ConversationKey(Channel.MESSENGER, "page-1", "psid-1");

    /** Few, short attempts: the production client allows more, but these tests only need the outcome. */
    private static DynamoDbSettings quick(URI endpoint, String table) {
        return DynamoDbSettings.fromEnvironment(Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT",
                endpoint.toString())).orElseThrow().withAttempts(2, Duration.ofMillis(500), Duration.ofSeconds(3));
    }

    private static Store storeAt(DynamoDbSettings settings, Clock clock) {
        return new DynamoDbStore(DynamoDbStore.client(settings), settings.tableName(), clock, StoreSettings.defaults());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    static Stream<Consumer<Store>> everyKindOfCall() {
        ReplyDraft draft = new ReplyDraft.Send(Intent.SMALL_TALK, Action.CHAT, OutboundReply.text("Chào bạn"), null, List.of(),
                null, false);
        return Stream.of(
                s -> s.messages().claim(MESSAGE),
                s -> s.messages().markDecided(MESSAGE, "owner", draft),
                s -> s.messages().find(MESSAGE),
                s -> s.messages().answered(List.of(MESSAGE)),
                s -> s.conversations().append(ConversationMessage.of(CONVERSATION, "m1", Instant.EPOCH,
                        Author.CITIZEN, null, "hi")),
                s -> s.conversations().recent(CONVERSATION, 5),
                s -> s.conversations().state(CONVERSATION),
                s -> s.escalations().create(new NewEscalation("E1", "unit", CONVERSATION, "m1", Instant.EPOCH,
                        Priority.HIGH, "r", Intent.CRIME_REPORT, "t", "d", List.of())),
                s -> s.escalations().queue("unit", EscalationStatus.OPEN, null, 10),
                s -> s.escalations().claim("E1", "officer"),
                s -> s.pages().find(Channel.ZALO, "oa"),
                s -> s.counters().count("unit", Instant.EPOCH, Counter.QUESTIONS),
                s -> s.counters().figures("unit", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2)));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfCall")
    void anUnreachableStoreSaysSoWithStoreUnavailable(Consumer<Store> call) throws IOException {
        Store store = storeAt(quick(closedPort(), "citizen-qa"), Clock.systemUTC());

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> call.accept(store));
        assertTrue(e.getMessage().contains("DynamoDB unreachable"), e.getMessage());
    }

    @Test
    void aMissingTableIsReportedWithTheWayToCreateIt() {
        DynamoDbTestServer server = DynamoDbTestServer.get();
        Store store = storeAt(quick(server.endpoint(), "no-such-table"), Clock.systemUTC());

        for (Runnable call : List.<Runnable>of(() -> store.messages().claim(MESSAGE), () -> store.messages().answered(List.of(MESSAGE)))) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, call::run);
            assertTrue(e.getMessage().contains("no-such-table") && e.getMessage().contains("setup-table"), e.getMessage());
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffBeforeGivingUp() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer dynamo = throttlingServer(requests, Integer.MAX_VALUE);
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort());
            Store store = storeAt(quick(endpoint, "t").withAttempts(3, Duration.ofMillis(500), Duration.ofSeconds(10)),
                    Clock.systemUTC());

            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> store.pages().find(Channel.ZALO, "oa"));
            assertEquals(3, requests.get(), "three attempts");
            assertTrue(e.getMessage().contains("after retries"), e.getMessage());

            // The webhook's batch read, written without the SDK's model, is retried and reported alike.
            requests.set(0);
            e = assertThrows(StoreUnavailableException.class, () -> store.messages().answered(List.of(MESSAGE)));
            assertEquals(3, requests.get(), "three attempts");
            assertTrue(e.getMessage().contains("after retries"), e.getMessage());
        } finally {
            dynamo.stop(0);
        }
    }

    @Test
    void aThrottledCallSucceedsWhenARetryGetsThrough() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer dynamo = throttlingServer(requests, 1);
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort());
            Store store = storeAt(quick(endpoint, "t"), Clock.systemUTC());

            assertEquals(Optional.empty(), store.pages().find(Channel.ZALO, "oa"));
            assertEquals(2, requests.get());
        } finally {
            dynamo.stop(0);
        }
    }

    /** A stand-in DynamoDB that throttles the first {@code throttled} requests, then answers an empty GetItem. */
    private static HttpServer throttlingServer(AtomicInteger requests, int throttled) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean throttle = requests.incrementAndGet() <= throttled;
            byte[] body = (throttle
                    ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"slow down\"}"
                    : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.get());
            exchange.sendResponseHeaders(throttle ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void theSameStoreWorksAgainOnceDynamoDbIsBack() {
        DynamoDbTestServer server = DynamoDbTestServer.get();
        String table = server.createTable();
        try (TcpRelay relay = TcpRelay.to(server.endpoint())) {
            Store store = storeAt(quick(relay.endpoint(), table), Clock.systemUTC());
            assertInstanceOf(ClaimResult.New.class, store.messages().claim(MESSAGE));

            relay.cut();
            assertThrows(StoreUnavailableException.class, () -> store.messages().claim(MESSAGE));

            relay.restore();
            assertInstanceOf(ClaimResult.InProgress.class, store.messages().claim(MESSAGE));
        }
    }

    /** One table seen through a working connection and through one that the store cannot reach, on one clock. */
    private record TwoPaths(Store reachable, Store cutOff, MutableClock clock) {
        static TwoPaths toNewTable() throws IOException {
            DynamoDbTestServer server = DynamoDbTestServer.get();
            String table = server.createTable();
            MutableClock clock = new MutableClock(Instant.parse("2025-03-10T02:00:00Z"));
            return new TwoPaths(storeAt(quick(server.endpoint(), table), clock), storeAt(quick(closedPort(), table), clock),
                    clock);
        }
    }

    @Test
    void aDeliveryCutOffBeforeDecidingIsDecidedAgainByTheRedelivery() throws IOException {
        TwoPaths paths = TwoPaths.toNewTable();
        Store reachable = paths.reachable();
        Store cutOff = paths.cutOff();
        ReplyDraft draft = new ReplyDraft.Send(Intent.SMALL_TALK, Action.CHAT, OutboundReply.text("Chào bạn"), null, List.of(),
                null, false);

        MessageClaim first = reachable.messages().claim(MESSAGE).claim();
        assertThrows(StoreUnavailableException.class, () -> cutOff.messages().markDecided(MESSAGE, first.owner(), draft));

        assertInstanceOf(ClaimResult.InProgress.class, reachable.messages().claim(MESSAGE),
                "a redelivery while the first may still be working does nothing");
        paths.clock().advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusSeconds(1));
        ClaimResult.Resumed again = assertInstanceOf(ClaimResult.Resumed.class, reachable.messages().claim(MESSAGE));
        assertEquals(MessageState.RECEIVED, again.claim().state());
        assertInstanceOf(ClaimUpdate.Applied.class,
                reachable.messages().markDecided(MESSAGE, again.claim().owner(), draft));
        assertInstanceOf(ClaimUpdate.Applied.class,
                reachable.messages().markSent(MESSAGE, again.claim().owner(), "mid.reply"));
        assertInstanceOf(ClaimResult.AlreadySent.class, reachable.messages().claim(MESSAGE));
    }

    @Test
    void aDeliveryCutOffAfterDecidingIsSentByTheRedeliveryFromTheStoredDraft() throws IOException {
        TwoPaths paths = TwoPaths.toNewTable();
        Store reachable = paths.reachable();
        Store cutOff = paths.cutOff();
        ReplyDraft draft = new ReplyDraft.Send(Intent.PROCEDURE, Action.ANSWER, OutboundReply.text("Mang CCCD đến…"),
                "cap-can-cuoc", List.of("cap-can-cuoc"), null, false);

        MessageClaim first = reachable.messages().claim(MESSAGE).claim();
        reachable.messages().markDecided(MESSAGE, first.owner(), draft);
        // The send failed and the store went away before the lease could be released.
        assertThrows(StoreUnavailableException.class, () -> cutOff.messages().release(MESSAGE, first.owner()));

        paths.clock().advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusSeconds(1));
        ClaimResult.Resumed again = assertInstanceOf(ClaimResult.Resumed.class, reachable.messages().claim(MESSAGE));
        assertEquals(MessageState.DECIDED, again.claim().state());
        assertEquals(draft, again.claim().draft());
    }
}
