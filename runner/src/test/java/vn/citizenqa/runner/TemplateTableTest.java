package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import vn.citizenqa.functions.dynamo.StoreTable;

/**
 * template.yaml's table and {@link StoreTable} (what setup-table creates and the tests run on) must describe the
 * same table: this fails when one changes without the other.
 */
class TemplateTableTest {

    private static JsonNode root;
    private static JsonNode table;
    private static String tableId;
    private static final CreateTableRequest DEFINED = StoreTable.createTableRequest("any");

    @BeforeAll
    static void readTemplate() {
        // CloudFormation's short tags read as their long forms (!Ref Table as {"Ref": "Table"}).
        root = CloudFormationYaml.read(Path.of("..", "template.yaml"));
        List<Map.Entry<String, JsonNode>> tables = root.path("Resources").properties().stream()
                .filter(r -> "AWS::DynamoDB::Table".equals(r.getValue().path("Type").asText())).toList();
        assertEquals(1, tables.size(), "template.yaml has exactly one AWS::DynamoDB::Table resource");
        tableId = tables.getFirst().getKey();
        table = tables.getFirst().getValue();
    }

    private static JsonNode properties() {
        return table.path("Properties");
    }

    @Test
    void keysAndAttributeTypesAreTheDefinedOnes() {
        assertEquals(pairs(DEFINED.attributeDefinitions().stream()
                        .map(a -> List.of(a.attributeName(), a.attributeTypeAsString())).toList()),
                pairs(list(properties().path("AttributeDefinitions"), "AttributeName", "AttributeType")));
        assertEquals(DEFINED.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString())).toList(),
                list(properties().path("KeySchema"), "AttributeName", "KeyType"));
    }

    @Test
    void theUnitQueueIndexIsTheDefinedOne() {
        JsonNode indexes = properties().path("GlobalSecondaryIndexes");
        assertEquals(DEFINED.globalSecondaryIndexes().size(), indexes.size());
        DEFINED.globalSecondaryIndexes().forEach(defined -> {
            JsonNode index = StreamSupport.stream(indexes.spliterator(), false)
                    .filter(i -> defined.indexName().equals(i.path("IndexName").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("template.yaml lacks index " + defined.indexName()));
            assertEquals(defined.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString()))
                    .toList(), list(index.path("KeySchema"), "AttributeName", "KeyType"));
            assertEquals(defined.projection().projectionTypeAsString(),
                    index.path("Projection").path("ProjectionType").asText());
        });
    }

    @Test
    void itIsOnDemandWithExpiryBackupsEncryptionAndKeptOnStackDeletion() {
        assertEquals(DEFINED.billingModeAsString(), properties().path("BillingMode").asText());
        assertEquals(StoreTable.TTL_ATTRIBUTE, properties().path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(properties().path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertTrue(properties().path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
        assertTrue(properties().path("SSESpecification").path("SSEEnabled").asBoolean());
        assertEquals("Retain", table.path("DeletionPolicy").asText());
        assertEquals("Retain", table.path("UpdateReplacePolicy").asText());
        assertTrue(properties().path("DeletionProtectionEnabled").asBoolean(), "the table cannot be deleted by accident");
    }

    private static List<List<String>> list(JsonNode array, String first, String second) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> List.of(n.path(first).asText(), n.path(second).asText())).toList();
    }

    private static Set<List<String>> pairs(List<List<String>> list) {
        return new HashSet<>(list);
    }

    @Test
    void everyFunctionIsToldTheTableName() {
        String globalTable = root.path("Globals").path("Function").path("Environment").path("Variables")
                .path("TABLE_NAME").path("Ref").asText(null);
        root.path("Resources").properties().forEach(resource -> {
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                String own = resource.getValue().path("Properties").path("Environment").path("Variables")
                        .path("TABLE_NAME").path("Ref").asText(null);
                assertEquals(tableId, own != null ? own : globalTable,
                        resource.getKey() + " gets TABLE_NAME: !Ref " + tableId);
            }
        });
    }
}
