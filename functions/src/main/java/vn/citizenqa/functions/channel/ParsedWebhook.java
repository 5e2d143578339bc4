package vn.citizenqa.functions.channel;

import java.util.List;

import vn.citizenqa.core.channel.InboundMessage;

/** What a channel adapter made of one webhook request. */
public sealed interface ParsedWebhook {

    /** Genuine: the events it carried, in order (possibly none). */
    record Accepted(List<InboundMessage> messages) implements ParsedWebhook {
        public Accepted {
            messages = List.copyOf(messages);
        }
    }

    /** No or a wrong signature: answer 401, process nothing. The reason is for the security log, never the body. */
    record Unauthorized(String reason) implements ParsedWebhook {
    }

    /** Signed but not the JSON the platform sends: answer 400. */
    record Malformed(String reason) implements ParsedWebhook {
    }

    /**
     * Genuine, but older than any redelivery of the platform's could be: a replay. Answer 200 (nothing for the
     * platform to retry), process nothing, and say so in the security log.
     */
    record Stale(String reason) implements ParsedWebhook {
    }

    /** A platform's check that the URL answers (Zalo probes it when the URL is saved): answer 200, do nothing. */
    record Probe() implements ParsedWebhook {
    }
}
