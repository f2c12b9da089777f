package io.minipass.application.port.in;

import io.minipass.domain.user.EvictionReach;
import io.minipass.domain.user.UserId;

import java.util.Objects;

/** How an operator's revocation ended. */
public sealed interface Revocation {

    /**
     * The user's tokens are cleared where they are stored.
     *
     * @param tokens how many tokens were cleared (0: the user held none)
     * @param reach  which token caches were told to drop them at once
     */
    record Revoked(UserId user, int tokens, EvictionReach reach) implements Revocation {
        public Revoked {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(reach, "reach");
        }
    }

    /** No such user (by openid: no live user holds it); nothing was changed. */
    record UnknownUser() implements Revocation {
    }
}
