package vn.citizenqa.core.channel;

/**
 * The reply was sent in full but no answer came back (the read timed out, the connection dropped, a gateway answered
 * 5xx without the platform's own error): the platform may have delivered it. Sending it again could give the citizen
 * the same reply twice, so a caller never retries this as it retries a {@link ReplyFailedException}.
 */
public class ReplyUncertainException extends ReplyFailedException {

    private static final long serialVersionUID = 1L;

    public ReplyUncertainException(String message, Throwable cause) {
        super(message, cause);
    }
}
