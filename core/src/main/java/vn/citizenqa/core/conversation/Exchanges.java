package vn.citizenqa.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;

/** Finding the exchange a message refers to among the conversation's latest messages. */
final class Exchanges {

    /** A citizen's question and the assistant's answer to it: what an officer reads on a case. */
    record Exchange(String questionId, Instant questionAt, String question, String answer) {
    }

    private Exchanges() {
    }

    /** The last question the citizen asked before {@code m} and the answer it got, while the conversation keeps them. */
    static Optional<Exchange> lastBefore(InboundMessage.FromCitizen m, List<ConversationMessage> recent) {
        String answer = null;
        for (int i = recent.size() - 1; i >= 0; i--) {
            ConversationMessage c = recent.get(i);
            if (c.id().equals(m.messageId()) || c.id().equals("reply-" + m.messageId())) {
                continue;
            }
            if (c.author() == Author.ASSISTANT && answer == null) {
                answer = c.text();
            } else if (c.author() == Author.CITIZEN && answer != null) {
                if (c.takenAs() != null && c.takenAs().choice()) {
                    // "2" alone means nothing to an officer: give the question it chose for.
                    Optional<ConversationMessage> asked = previousCitizenMessage(recent, i);
                    if (asked.isPresent()) {
                        ConversationMessage q = asked.get();
                        return Optional.of(new Exchange(q.id(), q.at(), q.text() + " (chọn " + c.text().strip() + ")", answer));
                    }
                }
                return Optional.of(new Exchange(c.id(), c.at(), c.text(), answer));
            }
        }
        return Optional.empty();
    }

    private static Optional<ConversationMessage> previousCitizenMessage(List<ConversationMessage> recent, int before) {
        for (int j = before - 1; j >= 0; j--) {
            if (recent.get(j).author() == Author.CITIZEN) {
                return Optional.of(recent.get(j));
            }
        }
        return Optional.empty();
    }
}
