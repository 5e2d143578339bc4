package vn.citizenqa.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import vn.citizenqa.core.model.Keys;

/**
 * An officer's proposal to add an exchange to the knowledge base as a sample question (and answer) of a procedure.
 * The texts may hold personal data: the store masks them before writing.
 *
 * @param id     use {@link #idFor} so that proposing the same question again finds the first proposal
 * @param answer the answer to keep with the question, or null
 */
public record NewSuggestion(String id, String escalationId, String unit, String procedureId, String question,
                            String answer, String officer) {

    public NewSuggestion {
        Keys.requireId(id, "id");
        Keys.requireId(escalationId, "escalationId");
        Keys.requireId(unit, "unit");
        Keys.requireId(procedureId, "procedureId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(officer, "officer");
    }

    /** Stable for one question proposed for one procedure from one escalation. */
    public static String idFor(String escalationId, String procedureId, String question) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (escalationId + "\n" + procedureId + "\n" + question.strip()).getBytes(StandardCharsets.UTF_8));
            return "S" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
