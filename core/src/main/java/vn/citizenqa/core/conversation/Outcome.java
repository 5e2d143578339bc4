package vn.citizenqa.core.conversation;

import vn.citizenqa.core.model.Channel;

/** What handling one inbound message came to; the webhook's status follows from it. */
public sealed interface Outcome {

    /**
     * A failed send asks the platform to deliver again (the draft is stored and will be sent then), and so does a
     * message another delivery still holds (it may have crashed: a later delivery finishes the work).
     */
    default boolean needsRedelivery() {
        return this instanceof SendFailed || this instanceof InProgress;
    }

    /** The reply went out now. */
    record Replied(String messageId, String platformMessageId) implements Outcome {
    }

    /** Recorded but not answered: the citizen is past the per-minute limit and was already told. */
    record Withheld(String messageId) implements Outcome {
    }

    /** A redelivery of a message already answered: nothing done. */
    record AlreadyAnswered(String messageId) implements Outcome {
    }

    /**
     * Another delivery of the same message is working on it and did not finish while this one waited: nothing done
     * here, and the platform is asked to deliver again (if that delivery died, the next one resumes its work).
     */
    record InProgress(String messageId) implements Outcome {
    }

    /** A kind never answered (echo, receipt, standby…). */
    record Ignored(String kind) implements Outcome {
    }

    /** A page not in the registry: logged, not answered. */
    record UnknownPage(Channel channel, String pageId) implements Outcome {
    }

    /** The channel did not take the reply; the draft is stored and the lease released for the redelivery. */
    record SendFailed(String messageId, String reason) implements Outcome {
    }
}
