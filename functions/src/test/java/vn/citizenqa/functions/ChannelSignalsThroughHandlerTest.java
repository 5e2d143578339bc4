package vn.citizenqa.functions;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;

import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.functions.testsupport.TestJson;

/** The channel signals through the webhook and officer functions' handlers, as Lambda calls them. */
class ChannelSignalsThroughHandlerTest extends ChannelSignalsContract {

    private final WebhookRig rig = new WebhookRig(new InProcessStore(), Clock.systemUTC());
    private final OfficerApiHandler officers = rig.officerHandler();

    @AfterEach
    void close() {
        rig.close();
    }

    @Override
    protected Answer post(String channel, String json) throws Exception {
        var r = rig.call(WebhookRig.signed("/webhook/" + channel, WebhookRig.utf8(json)));
        return new Answer(r.getStatusCode(), TestJson.MAPPER.readTree(r.getBody()));
    }

    @Override
    protected Answer officer(String method, String pathAndQuery, String json) throws Exception {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        java.util.Map<String, String> query = new java.util.HashMap<>();
        if (pathAndQuery.contains("?")) {
            for (String kv : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                query.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        var r = officers.handleRequest(WebhookRig.officerRequest(method, path, query, WebhookRig.officer("officer-an", UNIT), json), null);
        return new Answer(r.getStatusCode(), TestJson.MAPPER.readTree(r.getBody()));
    }

    @Override
    protected ChannelStandIn channels() {
        return rig.channels;
    }
}
