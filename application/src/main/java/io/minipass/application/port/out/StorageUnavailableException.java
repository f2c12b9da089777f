package io.minipass.application.port.out;

/**
 * The user store could not be reached or did not answer in time: the database is down, stalled, or
 * every connection to it is busy. The work it interrupted was written whole or not at all (its
 * transaction rolls back), so the caller may try again later. Thrown by the outgoing ports that keep
 * users; the message names the kind of failure and its text (never a value or a secret) for one log line.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
