package vn.citizenqa.core.channel;

/** The channel did not accept a reply. The message is not lost: its draft is stored and sent on redelivery. */
public class ReplyFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReplyFailedException(String message) {
        super(message);
    }

    public ReplyFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
