package vn.citizenqa.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.store.CaseRef;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.PageRegistration;

/**
 * One citizen's message with what the policy needs to know of its conversation, read by the intake before anything
 * about the message is written.
 *
 * @param state         the conversation as it stood before this message
 * @param earlier       the conversation's latest messages, oldest first, read only when the policy asks (an image
 *                      after a report, an answer said to be wrong)
 * @param rate          where the message stands against the per-minute limit
 * @param floodReported whether officers were already told of this citizen's flood of messages this hour
 * @param at            when the message was sent (the platform's time, else when it arrived)
 * @param openCase      the case the conversation's latest emergency or report opened, unless it is closed (read
 *                      only when the policy asks: a location or contact details may join it)
 * @param answered      whether the message of a platform id was answered already (an edited message)
 * @param plates        what the camera-recorded violations say of each plate the message names (none: empty)
 */
public record Incoming(InboundMessage.FromCitizen message, PageRegistration page, ConversationState state,
                       Supplier<List<ConversationMessage>> earlier, MessageRate rate, boolean floodReported, Instant at,
                       Supplier<Optional<CaseRef>> openCase, Predicate<String> answered, List<PlateLookup> plates) {

    public Incoming {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(openCase, "openCase");
        Objects.requireNonNull(answered, "answered");
        plates = plates == null ? List.of() : List.copyOf(plates);
    }

    /** A message of a conversation with no case open and nothing answered to edit. */
    public Incoming(InboundMessage.FromCitizen message, PageRegistration page, ConversationState state,
                    Supplier<List<ConversationMessage>> earlier, MessageRate rate, boolean floodReported, Instant at) {
        this(message, page, state, earlier, rate, floodReported, at, Optional::empty, id -> false, List.of());
    }

    /** The same, for the message a standby delivery wraps. */
    Incoming about(InboundMessage.FromCitizen inner) {
        return new Incoming(inner, page, state, earlier, rate, floodReported, at, openCase, answered, plates);
    }
}
