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
    private final Conversations conversations;
    private final Escalations escalations;
    private final PageRegistry pages;
    private final DailyCounters counters;
    private final Suggestions suggestions;
    private final MessageRates rates;
    private final ReplyRequests replyRequests;
    private final UnitRegistry units;
    private final ViolationRecords violations;
    private final TableCalls table;

    public DynamoDbStore(DynamoDbClient client, String tableName, Clock clock, StoreSettings settings) {
        TableCalls table = new TableCalls(client, tableName);
        this.table = table;
        Supplier<Instant> now = () -> clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.messages = new DynamoMessageClaims(table, settings, now);
        this.conversations = new DynamoConversations(table, settings, now);
        PersonalDataMasker masker = new PersonalDataMasker();
        this.escalations = new DynamoEscalations(table, new EscalationRules(masker), now);
        this.pages = new DynamoPageRegistry(table);
        this.counters = new DynamoDailyCounters(table, settings);
        this.suggestions = new DynamoSuggestions(table, masker, now);
        this.rates = new DynamoMessageRates(table);
        this.replyRequests = new DynamoReplyRequests(table, now);
        this.units = new DynamoUnitRegistry(table);
        this.violations = new DynamoViolationRecords(table, now);
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
        return conversations;
    }

    @Override
    public Escalations escalations() {
        return escalations;
    }

    @Override
    public PageRegistry pages() {
        return pages;
    }

    @Override
    public DailyCounters counters() {
        return counters;
    }

    @Override
    public Suggestions suggestions() {
        return suggestions;
    }

    @Override
    public MessageRates rates() {
        return rates;
    }

    @Override
    public ReplyRequests replyRequests() {
        return replyRequests;
    }

    @Override
    public UnitRegistry units() {
        return units;
    }

    @Override
    public ViolationRecords violations() {
        return violations;
    }
}
