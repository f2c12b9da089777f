package io.minipass.application.port.out;

/**
 * The state this node shares with the others (session keys, login proofs, attempt budgets: Redis
 * when several nodes run) did not answer within its timeout. The call may or may not have taken
 * effect there; the caller cannot rely on either, and should answer a clear error rather than
 * wait. The message names no secret, key or address.
 */
public class SharedStateUnavailableException extends RuntimeException {
    public SharedStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
