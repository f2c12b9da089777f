package io.minipass.application.port.in;

import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.Objects;

/** How a login attempt ended. */
public sealed interface LoginOutcome {

    /** The user holds a fresh token. */
    record LoggedIn(User user, LoginKind kind) implements LoginOutcome {
    }

    /** The user exists but may not log in now; nothing was changed. {@code user}: who was refused, for the login-event log. */
    record Refused(LoginRefusal refusal, UserId user) implements LoginOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(user, "user");
        }
    }

    /** A new user was stored but must wait for the shop to approve them; no token was issued. */
    record RegisteredAwaitingAudit(User user) implements LoginOutcome {
    }

    /** The shop requires a verified mobile before it stores anyone; nothing was stored. */
    record MobileBindingRequired(ProvisionalUser user) implements LoginOutcome {
    }

    enum LoginKind {
        /** A user with this openid already existed. */
        RETURNING,
        /** A user with this unionid existed on the same platform; the openid was bound to it. */
        BOUND_BY_UNIONID,
        /** A user holding the verified mobile existed; the openid was bound to it. */
        BOUND_BY_MOBILE,
        /** A new user was registered. */
        REGISTERED
    }
}
