package vn.citizenqa.runner;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/** The README's example configuration for {@code serve}, pointed at a channel stand-in and a table on a DynamoDB server. */
final class SampleServeEnv {

    private SampleServeEnv() {
    }

    /** Writes the {@code --env-vars} file for the webhook function to {@code file} and returns it. */
    static Path write(Path file, ChannelStandIn channels, String table, URI dynamoEndpoint) throws IOException {
        Path events = Path.of("..", "events").toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>();
        TestJson.MAPPER.readTree(events.resolve("env.json").toFile()).get("WebhookFunction").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("GRAPH_API_BASE", channels.graphApiBase());
        env.put("ZALO_API_BASE", channels.zaloApiBase());
        env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        env.put("PAGES_FILE", events.resolve("pages.json").toString());
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT", dynamoEndpoint.toString());
        env.put("AWS_REGION", "ap-southeast-1");
        Files.writeString(file, TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env)));
        return file;
    }
}
