package vn.citizenqa.functions.channel;

import vn.citizenqa.core.channel.Conversant;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.functions.channel.messenger.MessengerClient;
import vn.citizenqa.functions.channel.zalo.ZaloClient;

/** Sends a reply on the channel the citizen wrote on, with the page's tokens from the page registry. */
public final class ChannelReplies implements ReplySender {

    private final PageTokenStore tokens;
    private final MessengerClient messenger;
    private final ZaloClient zalo;

    public ChannelReplies(PageTokenStore tokens, MessengerClient messenger, ZaloClient zalo) {
        this.tokens = tokens;
        this.messenger = messenger;
        this.zalo = zalo;
    }

    @Override
    public String send(Conversant to, String inReplyTo, OutboundReply reply) throws ReplyFailedException {
        PageTokens t = tokens.tokens(to.channel(), to.pageId())
                .orElseThrow(() -> new ReplyFailedException("no access token for " + to.channel().wireName() + " page " + to.pageId()));
        return switch (to.channel()) {
            case MESSENGER -> messenger.send(t.accessToken(), to.userId(), reply);
            case ZALO -> zalo.send(to.pageId(), t, to.userId(), reply);
        };
    }
}
