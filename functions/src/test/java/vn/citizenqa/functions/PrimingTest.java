package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.StoreUnavailableException;

class PrimingTest {

    @Test
    void primingRunsRealDecisionsForEveryPathAJsonRoundTripAndOneStoreCall() {
        AtomicInteger storeCalls = new AtomicInteger();
        Priming.Primed primed = new Priming(Wiring.assistant(), storeCalls::incrementAndGet).prime();
        int samples = Wiring.assistant().knowledgeBase().procedures().stream().mapToInt(p -> p.sampleQuestions().size()).sum();
        assertTrue(primed.decisions() > samples, "every sample question and the other paths, in rounds: " + primed.decisions());
        assertTrue(primed.jsonRoundTrip());
        assertEquals("answered", primed.storeCall());
        assertEquals(1, storeCalls.get());
    }

    @Test
    void anUnreachableStoreDoesNotStopPriming() {
        Priming.Primed primed = new Priming(Wiring.assistant(), () -> {
            throw new StoreUnavailableException("the table cannot be reached", null);
        }, 1).prime();
        assertTrue(primed.decisions() > 0);
        assertTrue(primed.storeCall().startsWith("failed (the table cannot be reached"), primed.storeCall());
    }

    @Test
    void theInProcessStoresHarmlessCallFindsNoPageAndChangesNothing() {
        InProcessStore store = new InProcessStore();
        Priming.Primed primed = new Priming(Wiring.assistant(), Wiring.primingStoreCall(store), 1).prime();
        assertEquals("answered", primed.storeCall());
        assertTrue(store.pages().find(vn.citizenqa.core.model.Channel.ZALO, "priming").isEmpty());
    }
}
