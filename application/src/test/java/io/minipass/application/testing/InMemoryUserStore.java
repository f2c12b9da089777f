package io.minipass.application.testing;

import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.domain.user.Channel;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The user ports kept in memory, for use-case tests; synchronized, so races stay honest. Like the
 * database, it keeps an openid, and a mobile, to one live user. It keeps ids and the token as ShopXO v2 does,
 * in the user itself, and a system type finds nothing else; but a user it answers for an identity (or a token)
 * reads as seen through that identity's channel, as ShopXO v3's platform rows make it read.
 */
public class InMemoryUserStore implements UserDirectory, UserAccounts, LoadUserByTokenPort, RevokeUserTokensPort {
    private final Map<Long, User> users = new TreeMap<>();
    private final Map<Long, Long> tokenIssuedAt = new java.util.HashMap<>();
    private final Map<Long, Channel> tokenChannel = new java.util.HashMap<>();
    private long nextId = 1;

    /** This store in every role, with nothing in front. */
    public UserStorePorts ports() {
        return new UserStorePorts(this, this, this);
    }

    @Override
    public synchronized Optional<User> findLiveByOpenId(SystemType systemType, Platform platform, OpenId openId) {
        return liveByOpenId(platform, openId).map(user -> through(Channel.of(systemType, platform), user));
    }

    private Optional<User> liveByOpenId(Platform platform, OpenId openId) {
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.identities().openId(platform).equals(openId.value()))
                .min(Comparator.comparingLong(user -> user.id().value()));
    }

    @Override
    public synchronized Optional<User> findLiveByUnionId(SystemType systemType, Platform platform, UnionId unionId) {
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.identities().unionId(platform).equals(unionId.value()))
                .min(Comparator.comparingLong(user -> user.id().value()))
                .map(user -> through(Channel.of(systemType, platform), user));
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id.value()));
    }

    @Override
    public synchronized Optional<User> findByNumberCode(String numberCode) {
        return users.values().stream().filter(user -> !numberCode.isEmpty() && user.numberCode().equals(numberCode))
                .findFirst();
    }

    @Override
    public synchronized Optional<User> findByEmail(String email) {
        return users.values().stream().filter(user -> !email.isEmpty() && user.email().equals(email)).findFirst();
    }

    @Override
    public synchronized User register(NewUser newUser) {
        if (liveByOpenId(newUser.platform(), newUser.openId()).isPresent()) {
            throw new OpenIdAlreadyClaimedException(newUser.platform(), newUser.openId());
        }
        if (findLiveByMobile(newUser.mobile()).isPresent()) {
            throw new MobileAlreadyClaimedException();
        }
        UserId id = new UserId(nextId++);
        var profile = newUser.profile();
        User user = new User(id, PlatformIdentities.of(newUser.platform(), newUser.openId(), newUser.unionId()),
                newUser.status(), newUser.token().map(Token::value).orElse(""), "", profile.nickname(),
                        newUser.mobile(), "", profile.gender(),
                profile.avatar(), profile.province(), profile.city(), 0, "", 0, 0, newUser.referrer(), 0,
                newUser.addTime(), 0);
        users.put(id.value(), user);
        if (newUser.token().isPresent()) {
            tokenIssuedAt.put(id.value(), newUser.addTime());
        }
        tokenChannel.put(id.value(), newUser.identity().channel());
        return through(newUser.identity().channel(), user);
    }

    @Override
    public synchronized User bindOpenId(User bound, LoginIdentity identity, Token token, long now) {
        UserId userId = bound.id();
        Optional<User> holder = liveByOpenId(identity.platform(), identity.openId());
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            throw new OpenIdAlreadyClaimedException(identity.platform(), identity.openId());
        }
        return tokenWritten(identity, now,
                update(userId, user -> user.withOpenId(identity.platform(), identity.openId(), token.value(), now)));
    }

    @Override
    public synchronized User issueToken(User loaded, LoginIdentity identity, Token token, long now) {
        UserId userId = loaded.id();
        return tokenWritten(identity, now, update(userId, user -> user.withToken(token.value(), now)));
    }

    @Override
    public synchronized Optional<TokenHolder> findLiveByToken(Token token) {
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.token().equals(token.value()))
                .findFirst()
                .map(user -> new TokenHolder(through(tokenChannel.getOrDefault(user.id().value(), Channel.NONE), user),
                        tokenIssuedAt.getOrDefault(user.id().value(), 0L)));
    }

    @Override
    public synchronized Optional<User> findLiveByMobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return Optional.empty();
        }
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.mobile().equals(mobile))
                .min(Comparator.comparingLong(user -> user.id().value()));
    }

    @Override
    public synchronized User bindMobile(User bound, LoginIdentity identity, String mobile, Token token, long now) {
        UserId userId = bound.id();
        Optional<User> holder = findLiveByMobile(mobile);
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            throw new MobileAlreadyClaimedException();
        }
        return tokenWritten(identity, now, update(userId, user -> user.withMobile(mobile, token.value(), now)));
    }

    private User tokenWritten(LoginIdentity identity, long now, User written) {
        tokenIssuedAt.put(written.id().value(), now);
        tokenChannel.put(written.id().value(), identity.channel());
        return through(identity.channel(), written);
    }

    private static User through(Channel channel, User user) {
        return user.through(channel, user.identities(), user.token());
    }

    @Override
    public synchronized List<Token> revokeTokens(UserId id) {
        User user = users.get(id.value());
        if (user == null || user.token().isEmpty()) {
            return List.of();
        }
        update(id, stored -> stored.withToken("", stored.updTime()));
        return List.of(new Token(user.token()));
    }

    /** Stores a user as another program (a shop admin) would: any columns, no claim. */
    public synchronized User put(User user) {
        users.put(user.id().value(), user);
        nextId = Math.max(nextId, user.id().value() + 1);
        return user;
    }

    public synchronized int count() {
        return users.size();
    }

    public synchronized void setStatus(UserId id, UserStatus status) {
        update(id, user -> new User(user.id(), user.identities(), status, user.token(), user.username(),
                user.nickname(), user.mobile(), user.email(), user.gender(), user.avatar(), user.province(),
                user.city(), user.birthday(), user.address(), user.integral(), user.lockingIntegral(),
                user.referrer(), user.deleteTime(), user.addTime(), user.updTime(), user.numberCode(), user.county(),
                user.logoutTime(), user.passwordSet(), user.channel()));
    }

    public synchronized void softDelete(UserId id, long deleteTime) {
        update(id, user -> new User(user.id(), user.identities(), user.status(), user.token(), user.username(),
                user.nickname(), user.mobile(), user.email(), user.gender(), user.avatar(), user.province(),
                user.city(), user.birthday(), user.address(), user.integral(), user.lockingIntegral(),
                user.referrer(), deleteTime, user.addTime(), user.updTime(), user.numberCode(), user.county(),
                user.logoutTime(), user.passwordSet(), user.channel()));
    }

    private User update(UserId id, UnaryOperator<User> change) {
        return users.computeIfPresent(id.value(), (key, user) -> change.apply(user));
    }
}
