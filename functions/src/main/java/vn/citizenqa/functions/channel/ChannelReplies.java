package vn.citizenqa.functions.channel;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.core.store.ConversationKey;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.functions.channel.messenger.MessengerClient;
import vn.citizenqa.functions.channel.zalo.ZaloClient;

/** Sends a reply on the channel the citizen wrote on, with the page's tokens from the page registry. */
public final class ChannelReplies implements ReplySender {

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
        PageRegistration page = pages.find(to.channel(), to.pageId())
                .orElseThrow(() -> new ReplyFailedException(to.channel().wireName() + " page " + to.pageId() + " is not in the page registry"));
        return switch (to.channel()) {
            case MESSENGER -> messenger.send(page.accessToken(), to.userId(), reply);
            case ZALO -> zalo.send(page, to.userId(), reply);
        };
    }
}
