package vn.citizenqa.functions.channel;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.core.officer.OfficerReplySender;
import vn.citizenqa.core.officer.ReplyMode;
import vn.citizenqa.core.store.ConversationKey;
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

    @Override
    public String send(ConversationKey to, String inReplyTo, OutboundReply reply) throws ReplyFailedException {
        return send(to, reply, MessengerClient.MessagingType.RESPONSE);
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
