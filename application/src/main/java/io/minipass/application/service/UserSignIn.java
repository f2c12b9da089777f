package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.BindOpenIdPort;
import io.minipass.application.port.out.IssueTokenPort;
import io.minipass.application.port.out.LoadUserPort;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.RegisterUserPort;
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

    private final LoadUserPort loadUser;
    private final RegisterUserPort registerUser;
    private final BindOpenIdPort bindOpenId;
    private final IssueTokenPort issueToken;
    private final TokenGenerator tokens;
    private final LoginSettings settings;
    private final Clock clock;

    public UserSignIn(LoadUserPort loadUser, RegisterUserPort registerUser, BindOpenIdPort bindOpenId,
                      IssueTokenPort issueToken, TokenGenerator tokens, LoginSettings settings, Clock clock) {
        this.loadUser = loadUser;
        this.registerUser = registerUser;
        this.bindOpenId = bindOpenId;
        this.issueToken = issueToken;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    public LoginSettings settings() {
        return settings;
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
        Optional<User> returning = loadUser.findLiveByOpenId(platform, openId);
        if (returning.isPresent()) {
            return Optional.of(new Recognized(returning.get(), false));
        }
        if (platform.hasUnionId() && unionId.isPresent()) {
            return loadUser.findLiveByUnionId(platform, unionId.get()).map(sameUnion -> new Recognized(sameUnion, true));
        }
        return Optional.empty();
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
        return loadUser.findLiveByOpenId(platform, formerOpenId)
                .map(user -> bindOpenIdTo(user, platform, openId, LoginKind.RETURNING));
    }

    public LoginOutcome logInExisting(User user) {
        Optional<LoginRefusal> refusal = user.status().loginRefusal();
        if (refusal.isPresent()) {
            return new LoginOutcome.Refused(refusal.get());
        }
        String token = tokens.newToken();
        long now = now();
        issueToken.issueToken(user.id(), token, now);
        return new LoginOutcome.LoggedIn(user.withToken(token, now), LoginKind.RETURNING);
    }

    private LoginOutcome bindToExisting(User user, Platform platform, OpenId openId) {
        if (!user.status().isNormal()) {
            return new LoginOutcome.Refused(LoginRefusal.NOT_AUDITED);
        }
        return bindOpenIdTo(user, platform, openId, LoginKind.BOUND_BY_UNIONID);
    }

    /** Binds the openid to a user who may log in, with a new token. */
    public LoginOutcome bindOpenIdTo(User user, Platform platform, OpenId openId, LoginKind kind) {
        Optional<LoginRefusal> refusal = user.status().loginRefusal();
        if (refusal.isPresent()) {
            return new LoginOutcome.Refused(refusal.get());
        }
        String token = tokens.newToken();
        long now = now();
        bindOpenId.bindOpenId(user.id(), platform, openId, token, now);
        return new LoginOutcome.LoggedIn(user.withOpenId(platform, openId, token, now), kind);
    }

    public String newToken() {
        return tokens.newToken();
    }

    /** Stores a newcomer, waiting for audit when the shop audits registrations (then without a token). */
    public LoginOutcome register(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile,
                                 String mobile, long referrer) {
        boolean audit = settings.registrationAudit();
        NewUser newUser = new NewUser(platform, openId, platform.hasUnionId() ? unionId : Optional.empty(), profile,
                mobile, referrer, audit ? UserStatus.AWAITING_AUDIT : UserStatus.NORMAL,
                audit ? "" : tokens.newToken(), now());
        User registered = registerUser.register(newUser);
        return audit
                ? new LoginOutcome.RegisteredAwaitingAudit(registered)
                : new LoginOutcome.LoggedIn(registered, LoginKind.REGISTERED);
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }
}
