package vn.citizenqa.core.queue;

/**
 * The queue could not take a message. Nothing may be acknowledged to the platform: the webhook answers 503 so that
 * the platform delivers the message again later.
 */
public class QueueUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueUnavailableException(String message) {
        super(message);
    }
}
