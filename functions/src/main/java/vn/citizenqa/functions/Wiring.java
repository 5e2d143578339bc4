package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;

import vn.citizenqa.core.Assistant;

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

    private static final class AssistantHolder {
        static final Assistant ASSISTANT = buildAssistant();

        private static Assistant buildAssistant() {
            try {
                return Assistant.open(KnowledgeIndexResources.openIndex(), KnowledgeIndexResources::resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the packaged index", e);
            }
        }
    }
}
