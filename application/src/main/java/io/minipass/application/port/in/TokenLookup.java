package io.minipass.application.port.in;

import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.User;

/** What a token is worth now. */
public sealed interface TokenLookup {

    record Valid(User user) implements TokenLookup {
    }

    /** Unknown, replaced, expired, or its user deleted: the client must log in again. */
    record Invalid() implements TokenLookup {
    }

    /** The token is current but its user may not use the shop now. */
    record Refused(LoginRefusal refusal) implements TokenLookup {
    }
}
