package vn.citizenqa.functions.channel;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.officer.OfficerReplySender;
import vn.citizenqa.core.officer.ReplyMode;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.functions.channel.messenger.MessengerClient;
import vn.citizenqa.functions.channel.zalo.ZaloClient;

/**
 * Sends a reply on the channel the citizen wrote on, with the page's tokens from the page registry: the assistant's
 * replies, and officers' (on Messenger tagged HUMAN_AGENT after the first 24 hours).
 */
public final class ChannelReplies implements ReplySender, OfficerReplySender {

    private final PageRegistry pages;
    private final MessengerClient messenger;
    private final ZaloClient zalo;

    public ChannelReplies(PageRegistry pages, MessengerClient messenger, ZaloClient zalo) {
        this.pages = pages;
        this.messenger = messenger;
        this.zalo = zalo;
    }

    /** What an assistant's reply Zalo would not take is recorded as sent with, followed by why. */
    public static final String UNDELIVERABLE = "undeliverable: ";
    private static final System.Logger LOG = System.getLogger("citizenqa.zalo");

    @Override
    public String send(ConversationKey to, String inReplyTo, OutboundReply reply) throws ReplyFailedException {
        try {
            return send(to, reply, MessengerClient.MessagingType.RESPONSE);
        } catch (ZaloClient.AnonymousReplyRefused e) {
            // Final: the platform delivering the message again would not change Zalo's answer, and an emergency or a
            // report in it is in officers' queue already.
            LOG.log(System.Logger.Level.WARNING, "Zalo OA {0}: the assistant''s reply to an anonymous user was not sent "
                    + "({1}); not retried", to.pageId(), e.getMessage());
            return UNDELIVERABLE + e.getMessage();
        }
    }

    @Override
    public String sendOfficerReply(ConversationKey to, String citizenMessageId, String text, ReplyMode mode)
            throws ReplyFailedException {
        MessengerClient.MessagingType type = switch (mode) {
            case STANDARD -> MessengerClient.MessagingType.RESPONSE;
            case HUMAN_AGENT -> MessengerClient.MessagingType.HUMAN_AGENT;
            case CLOSED -> throw new ReplyFailedException("the reply window is closed; nothing was sent");
        };
        return send(to, OutboundReply.text(text), type);
    }

    private String send(ConversationKey to, OutboundReply reply, MessengerClient.MessagingType type)
            throws ReplyFailedException {
        PageRegistration page = pages.find(to.channel(), to.pageId())
                .orElseThrow(() -> new ReplyFailedException(to.channel().wireName() + " page " + to.pageId() + " is not in the page registry"));
        return switch (to.channel()) {
            case MESSENGER -> messenger.send(page.accessToken(), to.userId(), reply, type);
            case ZALO -> zalo.send(page, to.userId(), reply);
        };
    }
}
