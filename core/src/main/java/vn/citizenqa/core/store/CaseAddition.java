package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Coordinates;
import vn.citizenqa.core.model.Keys;

/**
 * Something the citizen sent after a case was opened that belongs to it: where it happens, how to reach them. Kept on
 * the escalation itself (texts masked, as everything on it), so officers have it after the conversation expired.
 */
public sealed interface CaseAddition {

    /** The citizen's message that brought it: the same on every redelivery, so adding it twice changes nothing. */
    String messageId();

    Instant at();

    /** A place the citizen shared: the point and, when the platform gave one, its name. */
    record SharedLocation(String messageId, Instant at, Coordinates point, String placeName) implements CaseAddition {
        public SharedLocation {
            Keys.requireId(messageId, "messageId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(point, "point");
        }
    }

    /** Contact details the citizen chose to send (any of them may be null). */
    record SharedContact(String messageId, Instant at, String name, String phone, String address) implements CaseAddition {
        public SharedContact {
            Keys.requireId(messageId, "messageId");
            Objects.requireNonNull(at, "at");
        }
    }
}
