package vn.citizenqa.core.store;

/**
 * The store could not be reached or kept failing after retries. Nothing may be acknowledged to the
 * platform: the webhook answers 503 so the platform delivers the message again later.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
