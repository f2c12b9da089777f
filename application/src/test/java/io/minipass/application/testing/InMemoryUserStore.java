package io.minipass.application.testing;

import io.minipass.application.port.out.BindMobilePort;
import io.minipass.application.port.out.BindOpenIdPort;
import io.minipass.application.port.out.LoadUserByMobilePort;
import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.port.out.IssueTokenPort;
import io.minipass.application.port.out.LoadUserPort;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.RegisterUserPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The user ports kept in memory, for use-case tests; synchronized, so races stay honest. Like the
 * database, it keeps an openid, and a mobile, to one live user.
 */
public class InMemoryUserStore implements LoadUserPort, RegisterUserPort, BindOpenIdPort, IssueTokenPort,
        LoadUserByTokenPort, LoadUserByMobilePort, BindMobilePort {
    private final Map<Long, User> users = new TreeMap<>();
    private final Map<Long, Long> tokenIssuedAt = new java.util.HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<User> findLiveByOpenId(Platform platform, OpenId openId) {
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.identities().openId(platform).equals(openId.value()))
                .min(Comparator.comparingLong(user -> user.id().value()));
    }

    @Override
    public synchronized Optional<User> findLiveByUnionId(Platform platform, UnionId unionId) {
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.identities().unionId(platform).equals(unionId.value()))
                .min(Comparator.comparingLong(user -> user.id().value()));
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id.value()));
    }

    @Override
    public synchronized User register(NewUser newUser) {
        if (findLiveByOpenId(newUser.platform(), newUser.openId()).isPresent()) {
            throw new OpenIdAlreadyClaimedException(newUser.platform(), newUser.openId());
        }
        if (findLiveByMobile(newUser.mobile()).isPresent()) {
            throw new MobileAlreadyClaimedException();
        }
        UserId id = new UserId(nextId++);
        var profile = newUser.profile();
        User user = new User(id, PlatformIdentities.of(newUser.platform(), newUser.openId(), newUser.unionId()),
                newUser.status(), newUser.token(), "", profile.nickname(), newUser.mobile(), "", profile.gender(),
                profile.avatar(), profile.province(), profile.city(), 0, "", 0, 0, newUser.referrer(), 0,
                newUser.addTime(), 0);
        users.put(id.value(), user);
        if (!newUser.token().isEmpty()) {
            tokenIssuedAt.put(id.value(), newUser.addTime());
        }
        return user;
    }

    @Override
    public synchronized void bindOpenId(UserId userId, Platform platform, OpenId openId, String token, long now) {
        Optional<User> holder = findLiveByOpenId(platform, openId);
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            throw new OpenIdAlreadyClaimedException(platform, openId);
        }
        update(userId, user -> user.withOpenId(platform, openId, token, now));
        tokenIssuedAt.put(userId.value(), now);
    }

    @Override
    public synchronized void issueToken(User loaded, String token, long now) {
        UserId userId = loaded.id();
        update(userId, user -> user.withToken(token, now));
        tokenIssuedAt.put(userId.value(), now);
    }

    @Override
    public synchronized Optional<TokenHolder> findLiveByToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return users.values().stream()
                .filter(user -> !user.isDeleted() && user.token().equals(token))
                .findFirst()
                .map(user -> new TokenHolder(user, tokenIssuedAt.getOrDefault(user.id().value(), 0L)));
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
    public synchronized void bindMobile(UserId userId, String mobile, String token, long now) {
        Optional<User> holder = findLiveByMobile(mobile);
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            throw new MobileAlreadyClaimedException();
        }
        update(userId, user -> user.withMobile(mobile, token, now));
        tokenIssuedAt.put(userId.value(), now);
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
                user.referrer(), user.deleteTime(), user.addTime(), user.updTime()));
    }

    public synchronized void softDelete(UserId id, long deleteTime) {
        update(id, user -> new User(user.id(), user.identities(), user.status(), user.token(), user.username(),
                user.nickname(), user.mobile(), user.email(), user.gender(), user.avatar(), user.province(),
                user.city(), user.birthday(), user.address(), user.integral(), user.lockingIntegral(),
                user.referrer(), deleteTime, user.addTime(), user.updTime()));
    }

    private void update(UserId id, UnaryOperator<User> change) {
        users.computeIfPresent(id.value(), (key, user) -> change.apply(user));
    }
}
