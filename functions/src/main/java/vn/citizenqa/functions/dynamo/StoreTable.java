package vn.citizenqa.functions.dynamo;

import java.time.LocalDate;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.SuggestionStatus;

/**
 * The one table, described once: its keys, the unit-queue index, the TTL attribute and the key of every item
 * kind. {@code setup-table}, the tests and (through a test that compares them) template.yaml all follow it.
 *
 * <pre>
 * item                  PK                              SK
 * message claim         MSG#channel#messageId           CLAIM
 * conversation state    CONV#channel#pageId#userId      STATE
 * conversation message  CONV#channel#pageId#userId      M#time#id
 * escalation            ESC#id                          ESC       GSI1: UNIT#unit#status / rank#created#id
 * page                  PAGE#channel#pageId             PAGE
 * daily counters        STATS#unit                      DAY#yyyy-mm-dd
 * first response time   STATS#unit                      DAY#yyyy-mm-dd#FRT#escalationId
 * unit membership       UNITS                           UNIT#unit#PAGE#channel#pageId
 * suggestion            SUGGESTION#id                   SUGGESTION  GSI1: SUGGESTIONS#status / created#id
 * messages in a minute  RATE#channel#pageId#userId      MIN#yyyy-mm-ddThh:mm  (rate limit; expires in minutes)
 * unit record           UNIT_RECORDS                    UNIT#unit
 * recorded violation    PLATE#plate                     VIOL#id   (a paid one expires)
 * violation list import VIOLATION_IMPORTS               UNIT#unit
 * </pre>
 */
public final class StoreTable {

    public static final String PK = "PK";
    public static final String SK = "SK";
    /** The unit queue: one unit's escalations in one status, by priority then age. */
    public static final String QUEUE_INDEX = "GSI1";
    public static final String QUEUE_PK = "GSI1PK";
    public static final String QUEUE_SK = "GSI1SK";
    /** Epoch seconds after which DynamoDB deletes the item (claims, conversation state and messages). */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    static final String CLAIM = "CLAIM";
    static final String STATE = "STATE";
    static final String MESSAGE_PREFIX = "M#";
    static final String ESCALATION = "ESC";
    static final String PAGE = "PAGE";
    static final String DAY_PREFIX = "DAY#";
    static final String UNITS = "UNITS";
    static final String UNIT_PREFIX = "UNIT#";
    static final String SUGGESTION = "SUGGESTION";
    static final String UNIT_RECORDS = "UNIT_RECORDS";
    static final String VIOLATION_PREFIX = "VIOL#";
    static final String VIOLATION_IMPORTS = "VIOLATION_IMPORTS";

    private StoreTable() {
    }

    /** The table as {@code CreateTable} makes it: on-demand, two string keys and the queue index. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(PK), stringAttribute(SK), stringAttribute(QUEUE_PK), stringAttribute(QUEUE_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(QUEUE_INDEX)
                        .keySchema(key(QUEUE_PK, KeyType.HASH), key(QUEUE_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static String claimPk(MessageKey key) {
        return "MSG#" + key.channel().wireName() + "#" + key.messageId();
    }

    static String conversationPk(ConversationKey key) {
        return "CONV#" + key.channel().wireName() + "#" + key.pageId() + "#" + key.userId();
    }

    static String escalationPk(String id) {
        return "ESC#" + id;
    }

    static String queuePk(String unit, EscalationStatus status) {
        return "UNIT#" + unit + "#" + status.name();
    }

    static String pagePk(Channel channel, String pageId) {
        return "PAGE#" + channel.wireName() + "#" + pageId;
    }

    /** One item per page under the UNITS partition, so that the units with pages are one Query. */
    static String unitMemberSk(String unit, Channel channel, String pageId) {
        return UNIT_PREFIX + unit + "#PAGE#" + channel.wireName() + "#" + pageId;
    }

    static String unitSk(String unit) {
        return UNIT_PREFIX + unit;
    }

    /** The prefix of the membership items of one unit's pages. */
    static String unitPagesPrefix(String unit) {
        return UNIT_PREFIX + unit + "#PAGE#";
    }

    static String platePk(vn.citizenqa.core.model.PlateNumber plate) {
        return "PLATE#" + plate.normalised();
    }

    static String suggestionPk(String id) {
        return "SUGGESTION#" + id;
    }

    static String suggestionQueuePk(SuggestionStatus status) {
        return "SUGGESTIONS#" + status.name();
    }

    static String ratePk(ConversationKey key) {
        return "RATE#" + key.channel().wireName() + "#" + key.pageId() + "#" + key.userId();
    }

    static String minuteSk(java.time.Instant minute) {
        return "MIN#" + minute.toString().substring(0, 16);
    }

    static String statsPk(String unit) {
        return "STATS#" + unit;
    }

    static String daySk(LocalDate day) {
        return DAY_PREFIX + day;
    }

    static String firstResponseSk(LocalDate day, String escalationId) {
        return DAY_PREFIX + day + "#FRT#" + escalationId;
    }
}
