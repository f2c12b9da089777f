package io.minipass.application.port.in;

/** An operator logs a user out everywhere at once: every token the user holds stops working on every node. */
public interface RevokeUserSessionsUseCase {
    Revocation revoke(RevokeUserSessionsCommand command);
}
