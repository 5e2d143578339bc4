package vn.citizenqa.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.Priority;

/**
 * A message handed to officers, as the conversation service hands it over. The texts may hold personal
 * data: the store masks them before writing (the raw text stays on the conversation's expiring messages,
 * which {@code citizenMessageId} and {@code citizenMessageAt} point to).
 *
 * @param id         use {@link #idFor(MessageKey)} so that a redelivery creating it again finds the first one
 * @param draftReply what the assistant replied (the acknowledgement, or the answer the citizen said was wrong)
 * @param candidates what the search found, best first (may be empty)
 */
public record NewEscalation(String id, String unit, ConversationKey conversation, String citizenMessageId,
                            Instant citizenMessageAt, Priority priority, String reason, Intent intent,
                            String citizenText, String draftReply, List<Candidate> candidates) {

    public NewEscalation {
        Keys.requireId(id, "id");
        Keys.requireId(unit, "unit");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizenMessageId, "citizenMessageId");
        Objects.requireNonNull(citizenMessageAt, "citizenMessageAt");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(citizenText, "citizenText");
        Objects.requireNonNull(draftReply, "draftReply");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The escalation id for a message: stable, so creating the escalation twice for one message is harmless. */
    public static String idFor(MessageKey message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (message.channel().wireName() + "\n" + message.messageId()).getBytes(StandardCharsets.UTF_8));
            return "E" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
