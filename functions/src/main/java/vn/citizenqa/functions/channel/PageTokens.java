package vn.citizenqa.functions.channel;

/** A page's credentials for a channel API. The refresh token is Zalo's single-use one (null for Messenger). */
public record PageTokens(String accessToken, String refreshToken) {

    @Override
    public String toString() {
        return "PageTokens[redacted]";
    }
}
