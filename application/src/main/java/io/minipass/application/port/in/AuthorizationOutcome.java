package io.minipass.application.port.in;

import io.minipass.domain.user.PlatformIdentity;

/** How a login-code exchange ended. */
public sealed interface AuthorizationOutcome {

    /** A user holds (or was just given) this identity; the login ended as the outcome says. */
    record Recognized(LoginOutcome outcome) implements AuthorizationOutcome {
    }

    /** Nobody holds this identity yet: the client sends its profile to {@code appminiuserinfo} next. */
    record Unrecognized(PlatformIdentity identity) implements AuthorizationOutcome {
    }

    /**
     * Nobody holds this identity yet, and the shop would register them at once (WeChat) but needs a verified
     * mobile first: nothing was stored, and the client binds a mobile next.
     */
    record MobileRequired(ProvisionalUser user) implements AuthorizationOutcome {
    }
}
