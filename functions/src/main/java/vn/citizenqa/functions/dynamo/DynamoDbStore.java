package vn.citizenqa.functions.dynamo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import vn.citizenqa.core.privacy.PersonalDataMasker;
import vn.citizenqa.core.store.Conversations;
import vn.citizenqa.core.store.DailyCounters;
import vn.citizenqa.core.store.EscalationRules;
import vn.citizenqa.core.store.Escalations;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.MessageRates;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.core.store.ReplyRequests;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.Suggestions;
import vn.citizenqa.core.store.UnitRegistry;
import vn.citizenqa.core.violations.ViolationRecords;
import vn.citizenqa.functions.aws.DynamoDbOverHttp;
import vn.citizenqa.functions.aws.AwsClientChoice;
import vn.citizenqa.functions.aws.SdkClients;

/** The store on one DynamoDB table (see {@link StoreTable}), through the low-level client: single-item writes only. */
public final class DynamoDbStore implements Store {

    private final MessageClaims messages;
    private final PageRegistry pages;
    private final TableCalls table;
    private final StoreSettings settings;
    private final Supplier<Instant> now;
    private volatile Rest rest;

    public DynamoDbStore(DynamoDbClient client, String tableName, Clock clock, StoreSettings settings) {
        TableCalls table = new TableCalls(client, tableName);
        this.table = table;
        this.settings = settings;
        this.now = () -> clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.messages = new DynamoMessageClaims(table, settings, now);
        this.pages = new DynamoPageRegistry(table);
    }

    /**
     * The parts only the worker and the officer API use, built on first use: the webhook needs only the claims (and the
     * pages, for {@code PAGES_FILE}), and the rest (the masker's patterns among them) would be init time it spends for
     * nothing.
     */
    private record Rest(Conversations conversations, Escalations escalations, DailyCounters counters, Suggestions suggestions,
                        MessageRates rates, ReplyRequests replyRequests, UnitRegistry units, ViolationRecords violations) {

        static Rest of(TableCalls table, StoreSettings settings, Supplier<Instant> now) {
            PersonalDataMasker masker = new PersonalDataMasker();
            return new Rest(new DynamoConversations(table, settings, now), new DynamoEscalations(table, new EscalationRules(masker), now),
                    new DynamoDailyCounters(table, settings), new DynamoSuggestions(table, masker, now), new DynamoMessageRates(table),
                    new DynamoReplyRequests(table, now), new DynamoUnitRegistry(table), new DynamoViolationRecords(table, now));
        }
    }

    private Rest rest() {
        Rest r = rest;
        if (r == null) {
            synchronized (this) {
                r = rest;
                if (r == null) {
                    rest = r = Rest.of(table, settings, now);
                }
            }
        }
        return r;
    }

    /**
     * A client for the settings: DynamoDB's JSON protocol spoken directly over the JDK's URL connection
     * ({@link DynamoDbOverHttp}: none of the SDK's client runtime is loaded), or with {@code CITIZENQA_AWS_CLIENT=sdk}
     * in the environment the SDK's own client ({@link #sdkClient}).
     */
    public static DynamoDbClient client(DynamoDbSettings settings) {
        if (AwsClientChoice.sdk()) {
            return sdkClient(settings);
        }
        return DynamoDbOverHttp.create(settings.region(), settings.endpoint(), settings.maxAttempts(), settings.connectTimeout(),
                settings.callTimeout(), settings.callTimeout());
    }

    /**
     * The SDK's client for the settings: URL-connection HTTP, explicit region, credentials and retries (see {@link SdkClients}),
     * no endpoint discovery and no account-based endpoints (neither looks anything up before the first call).
     */
    public static DynamoDbClient sdkClient(DynamoDbSettings settings) {
        return SdkClients.configure(DynamoDbClient.builder(), settings.region(), settings.endpoint(), settings.maxAttempts(),
                        settings.connectTimeout(), settings.callTimeout(), settings.callTimeout())
                .endpointDiscoveryEnabled(false)
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .build();
    }

    /**
     * One harmless call for SnapStart priming (a read of an item nobody writes, its connection closed after): the
     * SDK's request path, signing and credentials are then ready in the snapshot.
     *
     * @throws vn.citizenqa.core.store.StoreUnavailableException when the table cannot be reached
     */
    public void primingRead() {
        table.primingRead();
    }

    @Override
    public MessageClaims messages() {
        return messages;
    }

    @Override
    public Conversations conversations() {
        return rest().conversations();
    }

    @Override
    public Escalations escalations() {
        return rest().escalations();
    }

    @Override
    public PageRegistry pages() {
        return pages;
    }

    @Override
    public DailyCounters counters() {
        return rest().counters();
    }

    @Override
    public Suggestions suggestions() {
        return rest().suggestions();
    }

    @Override
    public MessageRates rates() {
        return rest().rates();
    }

    @Override
    public ReplyRequests replyRequests() {
        return rest().replyRequests();
    }

    @Override
    public UnitRegistry units() {
        return rest().units();
    }

    @Override
    public ViolationRecords violations() {
        return rest().violations();
    }
}
