package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.StatusRule;
import io.minipass.domain.user.Token;
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

    private final UserDirectory users;
    private final UserAccounts accounts;
    private final TokenGenerator tokens;
    private final boolean registrationAudit;
    private final StatusRule statusRule;
    private final Clock clock;

    public UserSignIn(UserDirectory users, UserAccounts accounts, TokenGenerator tokens, LoginSettings settings,
                      Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.registrationAudit = settings.registrationAudit();
        this.statusRule = settings.statusRule();
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
    public Optional<LoginOutcome> logInKnown(LoginIdentity identity) {
        return recognize(identity).map(known -> logIn(known, identity));
    }

    /** Who holds this identity: the live user with the openid, else a same-platform user with the unionid. */
    public Optional<Recognized> recognize(LoginIdentity identity) {
        Optional<User> returning = users.findLiveByOpenId(identity.systemType(), identity.platform(),
                identity.openId());
        if (returning.isPresent()) {
            return Optional.of(new Recognized(returning.get(), false));
        }
        return identity.unionId()
                .flatMap(union -> users.findLiveByUnionId(identity.systemType(), identity.platform(), union))
                .map(sameUnion -> new Recognized(sameUnion, true));
    }

    /** Logs in a recognized user, binding the identity first when the unionid found them. */
    public LoginOutcome logIn(Recognized known, LoginIdentity identity) {
        return known.byUnionId() ? bindToExisting(known.user(), identity) : logInExisting(known.user(), identity);
    }

    /** A user who holds an identity, found by its openid or else by its unionid. */
    public record Recognized(User user, boolean byUnionId) {
    }

    /**
     * Logs in the user a shop still holds under the platform's former id for this person, moving
     * them to the current openid so later look-ups find them by it.
     */
    public Optional<LoginOutcome> logInByFormerOpenId(LoginIdentity identity, OpenId formerOpenId) {
        return users.findLiveByOpenId(identity.systemType(), identity.platform(), formerOpenId)
                .map(user -> bindOpenIdTo(user, identity, LoginKind.RETURNING));
    }

    /** Logs in a user found through this identity, with a new token. */
    public LoginOutcome logInExisting(User user, LoginIdentity identity) {
        return logInWithNewToken(user, LoginKind.RETURNING,
                (token, now) -> accounts.issueToken(user, identity, token, now));
    }

    private LoginOutcome bindToExisting(User user, LoginIdentity identity) {
        Optional<LoginRefusal> refusal = statusRule.unionIdBindingRefusal(user.status());
        if (refusal.isPresent()) {
            return new LoginOutcome.Refused(refusal.get(), user.id());
        }
        return bindOpenIdTo(user, identity, LoginKind.BOUND_BY_UNIONID);
    }

    /** Binds the identity to a user who may log in, with a new token. */
    public LoginOutcome bindOpenIdTo(User user, LoginIdentity identity, LoginKind kind) {
        return logInWithNewToken(user, kind,
                (token, now) -> accounts.bindOpenId(user, identity, token, now));
    }

    /** Gives a verified mobile to a user (found through this identity) who may log in, with a new token. */
    public LoginOutcome giveMobile(User user, LoginIdentity identity, String mobile) {
        return logInWithNewToken(user, LoginKind.BOUND_BY_MOBILE,
                (token, now) -> accounts.bindMobile(user, identity, mobile, token, now));
    }

    /** The one way an existing user logs in: refused by their status, or stored with a new token. */
    private LoginOutcome logInWithNewToken(User user, LoginKind kind, TokenWrite write) {
        Optional<LoginRefusal> refusal = statusRule.loginRefusal(user.status());
        if (refusal.isPresent()) {
            return new LoginOutcome.Refused(refusal.get(), user.id());
        }
        return new LoginOutcome.LoggedIn(write.store(tokens.newToken(), now()), kind);
    }

    /** Stores the user's new token (and what comes with it), answering the user as stored. */
    @FunctionalInterface
    private interface TokenWrite {
        User store(Token token, long now);
    }

    /** Stores a newcomer, waiting for audit when the shop audits registrations (then without a token). */
    public LoginOutcome register(LoginIdentity identity, Profile profile, String mobile, long referrer) {
        NewUser newUser = new NewUser(identity, profile, mobile, referrer,
                registrationAudit ? UserStatus.AWAITING_AUDIT : UserStatus.NORMAL,
                registrationAudit ? Optional.empty() : Optional.of(tokens.newToken()), now());
        User registered = accounts.register(newUser);
        return registrationAudit
                ? new LoginOutcome.RegisteredAwaitingAudit(registered)
                : new LoginOutcome.LoggedIn(registered, LoginKind.REGISTERED);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
