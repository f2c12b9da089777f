package io.minipass.application.testing;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.UserStatus;

import java.util.Optional;

/** Newcomers for store tests, with the token as text ("" for none). */
public final class NewUsers {
    private NewUsers() {
    }

    /** A newcomer of the default system type. */
    public static NewUser newcomer(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile,
                                   String mobile, long referrer, UserStatus status, String token, long addTime) {
        return new NewUser(new LoginIdentity(SystemType.DEFAULT, new PlatformIdentity(platform, openId, unionId)),
                profile, mobile, referrer, status, token(token), addTime);
    }

    /** A first token as text: none when empty. */
    public static Optional<Token> token(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(new Token(text));
    }
}
