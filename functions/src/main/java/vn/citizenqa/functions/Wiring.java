package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.officer.ProcedureTitles;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;

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

    /** The knowledge base's procedure titles by id, for checking the ids officers give. */
    public static ProcedureTitles procedureTitles() {
        return id -> assistant().knowledgeBase().find(id).map(Procedure::title);
    }

    /**
     * The store everything is recorded in: DynamoDB when {@code TABLE_NAME} is set (with {@code DYNAMODB_ENDPOINT}
     * for a local server), else the in-process store (local runs only: it forgets everything on exit).
     */
    public static Store store() {
        return StoreHolder.STORE;
    }

    private static final class StoreHolder {
        static final Store STORE = buildStore(System.getenv());

        private static Store buildStore(Map<String, String> env) {
            return DynamoDbSettings.fromEnvironment(env)
                    .<Store>map(s -> new DynamoDbStore(DynamoDbStore.client(s), s.tableName(), Clock.systemUTC(),
                            s.store()))
                    .orElseGet(InProcessStore::new);
        }
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
