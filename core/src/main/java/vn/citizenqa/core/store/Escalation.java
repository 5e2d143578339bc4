package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;

/**
 * A question or report in officers' hands, as stored. Texts are masked; the citizen's raw message is on the
 * conversation ({@code conversation}, {@code citizenMessageAt}, {@code citizenMessageId}) until it expires.
 *
 * @param holder  the officer who claimed it (also after answering), or null while OPEN
 * @param answer  the officer's latest reply, or null
 * @param closure how it was closed, or null
 * @param history every status change with who made it and when, oldest first (creation included)
 * @param additions what the citizen sent afterwards that joined the case (locations, contact details), oldest first
 */
public record Escalation(String id, String unit, ConversationKey conversation, String citizenMessageId,
                         Instant citizenMessageAt, Priority priority, String reason, Intent intent,
                         String citizenText, String draftReply, List<Candidate> candidates, EscalationStatus status,
                         Instant createdAt, String holder, OfficerAnswer answer, Closure closure,
                         List<StatusChange> history, List<CaseAddition> additions) {

    /** Who records the creation of an escalation in its history. */
    public static final String ASSISTANT = "assistant";

    public Escalation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        history = history == null ? List.of() : List.copyOf(history);
        additions = additions == null ? List.of() : List.copyOf(additions);
    }

    /** An escalation nothing has joined yet. */
    public Escalation(String id, String unit, ConversationKey conversation, String citizenMessageId,
                      Instant citizenMessageAt, Priority priority, String reason, Intent intent,
                      String citizenText, String draftReply, List<Candidate> candidates, EscalationStatus status,
                      Instant createdAt, String holder, OfficerAnswer answer, Closure closure,
                      List<StatusChange> history) {
        this(id, unit, conversation, citizenMessageId, citizenMessageAt, priority, reason, intent, citizenText,
                draftReply, candidates, status, createdAt, holder, answer, closure, history, List.of());
    }

    public record OfficerAnswer(String officer, String text, Instant at) {
    }

    public record Closure(String officer, String reason, Instant at) {
    }

    /** One change of status: to what, by whom, when, and any note (a close reason). */
    public record StatusChange(EscalationStatus status, String by, Instant at, String note) {
    }

    /** When the first officer reply was recorded, or null. */
    public Instant firstAnsweredAt() {
        return history.stream().filter(c -> c.status() == EscalationStatus.ANSWERED)
                .map(StatusChange::at).findFirst().orElse(null);
    }
}
