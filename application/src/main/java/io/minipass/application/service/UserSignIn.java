package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps every login path shares: recognise a platform identity (by openid, else by a
 * same-platform unionid), check the user may log in, issue the token, register a newcomer.
 */
public final class UserSignIn {
    /** Each retry follows a lost race that committed a user; a few suffice. */
    private static final int MAX_ATTEMPTS = 4;

    private final UserStorePorts users;
    private final TokenGenerator tokens;
    private final boolean registrationAudit;
    private final Clock clock;

    public UserSignIn(UserStorePorts users, TokenGenerator tokens, LoginSettings settings, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.registrationAudit = settings.registrationAudit();
        this.clock = clock;
    }

    /** Runs a find-or-create step again after losing a race for an openid, so it finds the winner. */
    public static <T> T retryingLostRaces(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OpenIdAlreadyClaimedException | MobileAlreadyClaimedException lostRace) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    /** Logs in the user this identity belongs to; empty when nobody holds it yet. */
    public Optional<LoginOutcome> logInKnown(Platform platform, OpenId openId, Optional<UnionId> unionId) {
        return recognize(platform, openId, unionId).map(known -> logIn(known, platform, openId));
    }

    /** Who holds this identity: the live user with the openid, else a same-platform user with the unionid. */
    public Optional<Recognized> recognize(Platform platform, OpenId openId, Optional<UnionId> unionId) {
        Optional<User> returning = users.load().findLiveByOpenId(platform, openId);
        if (returning.isPresent()) {
            return Optional.of(new Recognized(returning.get(), false));
        }
        return unionId.flatMap(union -> users.load().findLiveByUnionId(platform, union))
                .map(sameUnion -> new Recognized(sameUnion, true));
    }

    /** Logs in a recognized user, binding the openid first when the unionid found them. */
    public LoginOutcome logIn(Recognized known, Platform platform, OpenId openId) {
        return known.byUnionId() ? bindToExisting(known.user(), platform, openId) : logInExisting(known.user());
    }

    /** A user who holds an identity, found by its openid or else by its unionid. */
    public record Recognized(User user, boolean byUnionId) {
    }

    /**
     * Logs in the user a shop still holds under the platform's former id for this person, moving
     * them to the current openid so later look-ups find them by it.
     */
    public Optional<LoginOutcome> logInByFormerOpenId(Platform platform, OpenId formerOpenId, OpenId openId) {
        return users.load().findLiveByOpenId(platform, formerOpenId)
                .map(user -> bindOpenIdTo(user, platform, openId, LoginKind.RETURNING));
    }

    public LoginOutcome logInExisting(User user) {
        return logInWithNewToken(user, LoginKind.RETURNING, (token, now) -> {
            users.issueToken().issueToken(user, token, now);
            return user.withToken(token, now);
        });
    }

    private LoginOutcome bindToExisting(User user, Platform platform, OpenId openId) {
        if (!user.status().isNormal()) {
            return new LoginOutcome.Refused(LoginRefusal.NOT_AUDITED);
        }
        return bindOpenIdTo(user, platform, openId, LoginKind.BOUND_BY_UNIONID);
    }

    /** Binds the openid to a user who may log in, with a new token. */
    public LoginOutcome bindOpenIdTo(User user, Platform platform, OpenId openId, LoginKind kind) {
        return logInWithNewToken(user, kind, (token, now) -> {
            users.bindOpenId().bindOpenId(user.id(), platform, openId, token, now);
            return user.withOpenId(platform, openId, token, now);
        });
    }

    /** Gives a verified mobile to a user who may log in, with a new token. */
    public LoginOutcome giveMobile(User user, String mobile) {
        return logInWithNewToken(user, LoginKind.BOUND_BY_MOBILE, (token, now) -> {
            users.bindMobile().bindMobile(user.id(), mobile, token, now);
            return user.withMobile(mobile, token, now);
        });
    }

    /** The one way an existing user logs in: refused by their status, or stored with a new token. */
    private LoginOutcome logInWithNewToken(User user, LoginKind kind, TokenWrite write) {
        Optional<LoginRefusal> refusal = user.status().loginRefusal();
        if (refusal.isPresent()) {
            return new LoginOutcome.Refused(refusal.get());
        }
        return new LoginOutcome.LoggedIn(write.store(tokens.newToken(), now()), kind);
    }

    /** Stores the user's new token (and what comes with it), answering the user as stored. */
    @FunctionalInterface
    private interface TokenWrite {
        User store(String token, long now);
    }

    /** Stores a newcomer, waiting for audit when the shop audits registrations (then without a token). */
    public LoginOutcome register(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile,
                                 String mobile, long referrer) {
        NewUser newUser = new NewUser(platform, openId, unionId, profile, mobile, referrer,
                registrationAudit ? UserStatus.AWAITING_AUDIT : UserStatus.NORMAL,
                registrationAudit ? "" : tokens.newToken(), now());
        User registered = users.register().register(newUser);
        return registrationAudit
                ? new LoginOutcome.RegisteredAwaitingAudit(registered)
                : new LoginOutcome.LoggedIn(registered, LoginKind.REGISTERED);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
