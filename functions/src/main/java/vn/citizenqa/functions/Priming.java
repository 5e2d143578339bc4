package vn.citizenqa.functions;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.store.RandomIds;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * SnapStart priming. Before Lambda snapshots an initialised container, it runs what a first message would run —
 * real decisions, a JSON round trip, one harmless store call — so that the classes are loaded and initialised and
 * the hottest code compiled inside the snapshot, not in a citizen's first request. After a restore, it re-seeds
 * the process's id generator, since every container restored from the snapshot would otherwise share its state.
 * Priming creates nothing that must be unique: no id, no claim, no connection kept (the store call closes its own).
 * Outside SnapStart (a JVM without CRaC) registering does nothing.
 */
public final class Priming implements Resource {

    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.priming");

    /** Messages that take the other paths of a decision (emergency, crime report, small talk, out of scope). */
    private static final List<String> OTHER_PATHS = List.of(
            "Cứu với, nhà hàng xóm đang cháy lớn!",
            "Tôi muốn tố giác một đường dây lừa đảo qua mạng",
            "Chào ad, chúc các anh một ngày tốt lành",
            "Cho hỏi giá vàng hôm nay bao nhiêu?",
            "lệ phí bao nhiêu?");
    /** A webhook body of the usual shape, for the JSON round trip. */
    private static final byte[] WEBHOOK_BODY = ("{\"app_id\":\"1\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"1\"},"
            + "\"recipient\":{\"id\":\"2\"},\"message\":{\"msg_id\":\"priming\",\"text\":\"Đăng ký tạm trú cần giấy tờ gì?\"},"
            + "\"timestamp\":\"1772420400000\"}").getBytes(StandardCharsets.UTF_8);
    /** Rounds over the messages: enough for the hottest search code to be compiled before the snapshot. */
    private static final int ROUNDS = 2;

    /** What one priming did, for the log and the tests. */
    public record Primed(int decisions, boolean jsonRoundTrip, String storeCall) {
    }

    private final Assistant assistant;
    private final Runnable storeCall;
    private final int rounds;

    /**
     * @param assistant null for a function that decides nothing (the webhook): no decisions are run
     * @param storeCall one harmless store call; it may fail (the store unreachable at deploy time), priming goes on
     */
    public Priming(Assistant assistant, Runnable storeCall) {
        this(assistant, storeCall, ROUNDS);
    }

    Priming(Assistant assistant, Runnable storeCall, int rounds) {
        this.assistant = assistant;
        this.storeCall = storeCall;
        this.rounds = rounds;
    }

    /** Registers with the CRaC context (which holds resources weakly: the caller keeps this one). */
    public Priming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        RandomIds.reseed();
        // Keys fetched for the priming call belong to the sandbox the snapshot was taken in.
        vn.citizenqa.functions.aws.RoleCredentials.forgetContainerKeys();
        // The TLS set-up of the endpoints init named, now that nothing of it can end up in the snapshot.
        vn.citizenqa.functions.aws.TlsWarmUp.startAfterRestore();
    }

    /** Runs real decisions, one JSON round trip and one store call. */
    public Primed prime() {
        List<String> messages = new ArrayList<>(OTHER_PATHS);
        if (assistant != null) {
            for (Procedure p : assistant.knowledgeBase().procedures()) {
                messages.addAll(p.sampleQuestions());
            }
        }
        int decisions = 0;
        for (int round = 0; assistant != null && round < rounds; round++) {
            for (String m : messages) {
                assistant.decide(m, ConversationContext.NONE);
                decisions++;
            }
        }
        var tree = JsonFields.object(WEBHOOK_BODY);
        boolean json = tree != null && JsonFields.write(tree).contains("priming");
        String store;
        try {
            storeCall.run();
            store = "answered";
        } catch (RuntimeException e) {
            store = "failed (" + e.getMessage() + ")";
        }
        Primed primed = new Primed(decisions, json, store);
        LOG.log(Level.INFO, "primed for the snapshot: {0} decisions, JSON round trip {1}, store call {2}", primed.decisions(),
                primed.jsonRoundTrip() ? "done" : "FAILED", primed.storeCall());
        return primed;
    }
}
