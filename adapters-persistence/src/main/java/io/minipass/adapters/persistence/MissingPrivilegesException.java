package io.minipass.adapters.persistence;

/** The database account may not change the schema, and there are migrations to apply; the message names what it lacks. */
final class MissingPrivilegesException extends IllegalStateException {
    MissingPrivilegesException(String message) {
        super(message);
    }
}
