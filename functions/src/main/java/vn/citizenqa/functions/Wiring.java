package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.triage.Triage;

/**
 * Builds the object graph once per container (static init), the one place where parts are chosen and
 * connected. Handlers and the local runner take what they need from here.
 */
public final class Wiring {

    private Wiring() {
    }

    /** The assistant over the packaged index, built on first use. */
    public static Assistant assistant() {
        return AssistantHolder.ASSISTANT;
    }

    /** The store everything is recorded in: for now the in-process one (DynamoDB follows with issue 5). */
    public static Store store() {
        return StoreHolder.STORE;
    }

    private static final class StoreHolder {
        static final Store STORE = new InProcessStore();
    }

    private static final class AssistantHolder {
        static final Assistant ASSISTANT = buildAssistant();

        private static Assistant buildAssistant() {
            try {
                ProcedureSearcher searcher = new ProcedureSearcher(KnowledgeIndexResources.openIndex());
                return new Assistant(searcher, new Triage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the packaged index", e);
            }
        }
    }
}
