package io.minipass.adapters.persistence;

import io.minipass.application.port.out.BindMobilePort;
import io.minipass.application.port.out.BindOpenIdPort;
import io.minipass.application.port.out.LoadUserByMobilePort;
import io.minipass.application.port.out.IssueTokenPort;
import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.LoadUserPort;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.RegisterUserPort;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user ports on ShopXO's user table, through MyBatis.
 * <p>
 * One live user per openid is kept by our claim table's primary key: every registration and
 * binding claims its (platform, openid) in the same transaction as its other writes. A claim whose
 * user no longer holds the openid live (soft-deleted, or changed by the shop) is taken over with
 * a compare-and-set; a live holder, a lost compare-and-set, or another live row holding the openid
 * without a claim (written by ShopXO) refuses the write and rolls it all back.
 * <p>
 * One live user per mobile is kept the same way, by our mobile claim table: every registration
 * with a mobile and every mobile binding claims it in the same transaction, with the same rules.
 * <p>
 * Look-ups by openid, unionid or token run on the indexed column and keep only exact matches,
 * since MySQL's collations fold case and ignore trailing spaces.
 * <p>
 * A database that cannot be reached or does not answer in time (pool wait, connect, socket and
 * statement timeouts) makes every port throw {@link StorageUnavailableException}; what a write had
 * done by then rolls back with its transaction.
 */
final class MyBatisUserStore
        implements LoadUserPort, RegisterUserPort, BindOpenIdPort, IssueTokenPort, LoadUserByTokenPort,
        LoadUserByMobilePort, BindMobilePort {
    private static final String MOBILE_COLUMN = "mobile";
    private static final Comparator<User> LOWEST_ID_FIRST = Comparator.comparingLong(user -> user.id().value());
    /** A transaction the database gave up (deadlock) is run again this many times in all. */
    private static final int MAX_ATTEMPTS = 3;

    private final SqlSessionFactory sessions;
    private final IdSlots slots;
    private final StorageOutage outage;
    /** Whether the database writes a user's token and its issue time in one multi-table UPDATE (MySQL, MariaDB). */
    private final boolean oneStatementTokenWrite;

    MyBatisUserStore(SqlSessionFactory sessions, IdSlots slots, StorageOutage outage) {
        this.sessions = sessions;
        this.slots = slots;
        this.outage = outage;
        this.oneStatementTokenWrite = MyBatisPersistence.MYSQL.equals(sessions.getConfiguration().getDatabaseId());
    }

    /**
     * Once ShopXO has its own Kuaishou column (an upgrade to v2.2.8 or later), the Kuaishou openids
     * this service kept in its identity table move there, where ShopXO's payment reads them and where
     * this service now looks. A user whose column ShopXO already filled keeps that value.
     */
    void moveOwnKuaishouOpenidsToColumn() {
        write(session -> {
            UserIdentityMapper identities = session.getMapper(UserIdentityMapper.class);
            UserMapper users = session.getMapper(UserMapper.class);
            String platform = Platform.KUAISHOU.clientType();
            String kind = IdSlot.Kind.OPENID.code();
            for (UserIdentityRow row : identities.selectAllOf(platform, kind)) {
                users.updateColumnIfEmpty(row.userId(), ShopSchema.KUAISHOU_OPENID,
                        new String(row.externalId(), StandardCharsets.UTF_8));
                identities.delete(row.userId(), platform, kind);
            }
            return null;
        });
    }

    @Override
    public Optional<User> findLiveByOpenId(Platform platform, OpenId openId) {
        return read(session -> liveHolders(session, slots.openId(platform), openId.value()).stream().findFirst());
    }

    @Override
    public Optional<User> findLiveByUnionId(Platform platform, UnionId unionId) {
        return slots.unionId(platform)
                .flatMap(slot -> read(session -> liveHolders(session, slot, unionId.value()).stream().findFirst()));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return read(session -> Optional.ofNullable(session.getMapper(UserMapper.class).selectById(id.value()))
                .map(UserRowMapping::toUser));
    }

    @Override
    public Optional<TokenHolder> findLiveByToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return read(session -> session.getMapper(UserMapper.class).selectByToken(token).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && user.token().equals(token))
                .min(LOWEST_ID_FIRST)
                .map(user -> new TokenHolder(user, issuedAt(session, user))));
    }

    @Override
    public Optional<User> findLiveByMobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return Optional.empty();
        }
        return read(session -> liveMobileHolders(session, mobile).stream().findFirst());
    }

    @Override
    public void bindMobile(UserId userId, String mobile, String token, long now) {
        bindMobileReplacing(userId, mobile, token, now);
    }

    /** {@link #bindMobile}, answering the token it replaced ({@code ""} for none). */
    String bindMobileReplacing(UserId userId, String mobile, String token, long now) {
        return write(session -> {
            long id = userId.value();
            String replaced = updateToken(session, id, token, now);
            session.getMapper(UserMapper.class).updateColumn(id, MOBILE_COLUMN, mobile);
            claimMobile(session, mobile, id);
            return replaced;
        });
    }

    /**
     * Stores the newcomer with their claims and token in one transaction. One read at the end both checks that no
     * other live row holds the openid (ShopXO writes rows without our claim) and reads the new row as the database
     * completed it; records of ours left by a user the shop deleted outright, should the database hand out the id
     * again, are overwritten (the token) or removed when that read shows them (identities).
     */
    @Override
    public User register(NewUser newUser) {
        return write(session -> UserRowMapping.toUser(insertWithClaims(session, newUser)));
    }

    private UserRow insertWithClaims(SqlSession session, NewUser newUser) {
        UserMapper users = session.getMapper(UserMapper.class);
        UserInsert insert = UserRowMapping.toInsert(newUser, slots.kuaishouColumnValue(newUser));
        users.insert(insert);
        long id = insert.getId();
        storeOwnTableIds(session, id, newUser);
        claimOnly(session, newUser.platform(), newUser.openId(), id);
        if (!newUser.mobile().isEmpty()) {
            claimMobile(session, newUser.mobile(), id);
        }
        IssuedTokenMapper issued = session.getMapper(IssuedTokenMapper.class);
        if (newUser.token().isEmpty()) {
            issued.deleteByUserId(id);
        } else {
            issued.save(id, newUser.token(), newUser.addTime());
        }
        IdSlot slot = slots.openId(newUser.platform());
        UserRow stored = null;
        for (UserRow holder : slot.select(users, newUser.openId().value())) {
            User other = UserRowMapping.toUser(holder);
            if (holder.id() == id) {
                stored = holder;
            } else if (!other.isDeleted() && slot.holds(other, newUser.openId().value())) {
                throw new OpenIdAlreadyClaimedException(newUser.platform(), newUser.openId());
            }
        }
        if (stored == null || !ownTableIdsAreExactly(UserRowMapping.toUser(stored), newUser)) {
            session.getMapper(UserIdentityMapper.class).deleteAllOf(id);
            storeOwnTableIds(session, id, newUser);
            stored = users.selectById(id);
        }
        return stored;
    }

    /** Whether the ids our identity table gives the new row are the newcomer's own, and no others. */
    private boolean ownTableIdsAreExactly(User stored, NewUser newUser) {
        for (Platform platform : Platform.values()) {
            IdSlot openIdSlot = slots.openId(platform);
            if (openIdSlot instanceof IdSlot.OwnTable
                    && !openIdSlot.valueOf(stored).equals(platform == newUser.platform() ? newUser.openId().value() : "")) {
                return false;
            }
            Optional<IdSlot> unionIdSlot = slots.unionId(platform);
            if (unionIdSlot.isPresent() && unionIdSlot.get() instanceof IdSlot.OwnTable slot
                    && !slot.valueOf(stored).equals(platform == newUser.platform()
                    ? newUser.unionId().map(UnionId::value).orElse("") : "")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void bindOpenId(UserId userId, Platform platform, OpenId openId, String token, long now) {
        bindOpenIdReplacing(userId, platform, openId, token, now);
    }

    /** {@link #bindOpenId}, answering the token it replaced ({@code ""} for none). */
    String bindOpenIdReplacing(UserId userId, Platform platform, OpenId openId, String token, long now) {
        return write(session -> {
            long id = userId.value();
            String replaced = updateToken(session, id, token, now);
            claim(session, platform, openId, id);
            slots.openId(platform).store(session.getMapper(UserMapper.class),
                    session.getMapper(UserIdentityMapper.class), id, openId.value());
            return replaced;
        });
    }

    @Override
    public void issueToken(User user, String token, long now) {
        issueTokenReplacing(user, token, now);
    }

    /**
     * {@link #issueToken}, answering the token it replaced ({@code ""} for none). When the user still holds the
     * token they were loaded with, that is the token replaced: on MySQL/MariaDB one statement writes both tables
     * (docs/design.md, ADR-16). Otherwise (another login came between, or we never issued this user a token) the
     * write reads the token it replaces under the row's lock.
     */
    String issueTokenReplacing(User user, String token, long now) {
        long id = user.id().value();
        String loadedWith = user.token();
        if (oneStatementTokenWrite && autoCommitted(session ->
                session.getMapper(UserMapper.class).replaceTokenWithIssue(id, loadedWith, token, now)) > 0) {
            return loadedWith;
        }
        return write(session -> replaceToken(session, id, loadedWith, token, now));
    }

    /**
     * Claims the openid for the user, or throws when another live user holds it. Runs inside the
     * caller's transaction, which the throw rolls back.
     */
    private void claim(SqlSession session, Platform platform, OpenId openId, long userId) {
        claimOnly(session, platform, openId, userId);
        boolean heldByAnotherRow = liveHolders(session, slots.openId(platform), openId.value()).stream()
                .anyMatch(user -> user.id().value() != userId);
        if (heldByAnotherRow) {
            throw new OpenIdAlreadyClaimedException(platform, openId);
        }
    }

    /**
     * Our claim of the openid for the user, or a throw when its holder still holds it live; the caller then checks
     * that no row without a claim (one ShopXO wrote) holds it either.
     */
    private void claimOnly(SqlSession session, Platform platform, OpenId openId, long userId) {
        OpenIdClaimMapper claims = session.getMapper(OpenIdClaimMapper.class);
        String platformCode = platform.clientType();
        byte[] key = IdSlot.bytes(openId.value());
        // Inserted first: an openid is new far more often than not, and then that is the one statement.
        if (!insertedClaim(claims, platformCode, key, userId)) {
            Long holder = claims.selectHolder(platformCode, key);
            if (holder == null) {
                throw new OpenIdAlreadyClaimedException(platform, openId);
            }
            if (holder != userId) {
                if (holdsLive(session, holder, platform, openId)) {
                    throw new OpenIdAlreadyClaimedException(platform, openId);
                }
                if (claims.takeOver(platformCode, key, holder, userId) != 1) {
                    throw new OpenIdAlreadyClaimedException(platform, openId);
                }
            }
        }
    }

    /**
     * Inserts the claim; false when one exists already (the primary key refused it: an earlier claim, or a
     * concurrent one committed first). MySQL, MariaDB and H2 fail only that statement, not the transaction.
     */
    private static boolean insertedClaim(OpenIdClaimMapper claims, String platform, byte[] openid, long userId) {
        try {
            claims.insert(platform, openid, userId);
            return true;
        } catch (PersistenceException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                return false;
            }
            throw failure;
        }
    }

    /**
     * Claims the mobile for the user, or throws when another live user holds it; the same rules as
     * {@link #claim} for openids. Runs inside the caller's transaction, which the throw rolls back.
     */
    private static void claimMobile(SqlSession session, String mobile, long userId) {
        MobileClaimMapper claims = session.getMapper(MobileClaimMapper.class);
        byte[] key = IdSlot.bytes(mobile);
        Long holder = claims.selectHolder(key);
        if (holder == null) {
            insertMobileClaim(claims, key, userId);
        } else if (holder != userId) {
            if (holdsMobileLive(session, holder, mobile)) {
                throw new MobileAlreadyClaimedException();
            }
            if (claims.takeOver(key, holder, userId) != 1) {
                throw new MobileAlreadyClaimedException();
            }
        }
        boolean heldByAnotherRow = liveMobileHolders(session, mobile).stream()
                .anyMatch(user -> user.id().value() != userId);
        if (heldByAnotherRow) {
            throw new MobileAlreadyClaimedException();
        }
    }

    /** A concurrent claim of the same mobile makes this one fail on the primary key: that caller lost the race. */
    private static void insertMobileClaim(MobileClaimMapper claims, byte[] mobile, long userId) {
        try {
            claims.insert(mobile, userId);
        } catch (PersistenceException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                throw new MobileAlreadyClaimedException();
            }
            throw failure;
        }
    }

    private static boolean holdsMobileLive(SqlSession session, long userId, String mobile) {
        UserRow row = session.getMapper(UserMapper.class).selectById(userId);
        if (row == null) {
            return false;
        }
        User user = UserRowMapping.toUser(row);
        return !user.isDeleted() && user.mobile().equals(mobile);
    }

    /** Live users holding exactly this mobile, lowest id first. */
    private static List<User> liveMobileHolders(SqlSession session, String mobile) {
        return session.getMapper(UserMapper.class).selectByColumn(MOBILE_COLUMN, mobile).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && user.mobile().equals(mobile))
                .sorted(LOWEST_ID_FIRST)
                .toList();
    }

    private boolean holdsLive(SqlSession session, long userId, Platform platform, OpenId openId) {
        UserRow row = session.getMapper(UserMapper.class).selectById(userId);
        if (row == null) {
            return false;
        }
        User user = UserRowMapping.toUser(row);
        return !user.isDeleted() && slots.openId(platform).holds(user, openId.value());
    }

    /** Live users holding exactly this id, lowest id first. */
    private static List<User> liveHolders(SqlSession session, IdSlot slot, String value) {
        return slot.select(session.getMapper(UserMapper.class), value).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && slot.holds(user, value))
                .sorted(LOWEST_ID_FIRST)
                .toList();
    }

    private void storeOwnTableIds(SqlSession session, long userId, NewUser newUser) {
        UserMapper users = session.getMapper(UserMapper.class);
        UserIdentityMapper identities = session.getMapper(UserIdentityMapper.class);
        if (slots.openId(newUser.platform()) instanceof IdSlot.OwnTable slot) {
            slot.store(users, identities, userId, newUser.openId().value());
        }
        Optional<IdSlot> unionSlot = slots.unionId(newUser.platform());
        if (newUser.unionId().isPresent() && unionSlot.isPresent() && unionSlot.get() instanceof IdSlot.OwnTable slot) {
            slot.store(users, identities, userId, newUser.unionId().get().value());
        }
    }

    /** Replaces the user's token, answering the one it replaced ({@code ""} for none), read under the row's lock. */
    private static String updateToken(SqlSession session, long userId, String token, long now) {
        UserMapper users = session.getMapper(UserMapper.class);
        String replaced = users.selectTokenForUpdate(userId);
        if (replaced == null || users.updateToken(userId, token, now) != 1) {
            throw new IllegalStateException("no user with id " + userId);
        }
        session.getMapper(IssuedTokenMapper.class).save(userId, token, now);
        return replaced;
    }

    /**
     * Replaces the user's token, answering the one it replaced: {@code expected} when the row still holds it (the
     * update's own lock makes that sure, with no read first), else the one read under the row's lock.
     */
    private static String replaceToken(SqlSession session, long userId, String expected, String token, long now) {
        if (session.getMapper(UserMapper.class).replaceToken(userId, expected, token, now) != 1) {
            return updateToken(session, userId, token, now);
        }
        session.getMapper(IssuedTokenMapper.class).save(userId, token, now);
        return expected;
    }

    /** When we issued the user's current token; 0 when something else (ShopXO) issued it. */
    private static long issuedAt(SqlSession session, User user) {
        IssuedTokenRow issued = session.getMapper(IssuedTokenMapper.class).selectByUserId(user.id().value());
        return issued != null && issued.token().equals(user.token()) ? issued.issuedAt() : 0;
    }

    private <T> T read(Function<SqlSession, T> work) {
        return autoCommitted(work);
    }

    /** Runs the work with every statement committed on its own. */
    private <T> T autoCommitted(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            T result = work.apply(session);
            outage.succeeded();
            return result;
        } catch (PersistenceException failure) {
            throw unavailableOrAsIs(failure);
        }
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws; a transaction the database gave up is run again. */
    private <T> T write(Function<SqlSession, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (SqlSession session = sessions.openSession(false)) {
                T result = work.apply(session);
                session.commit(true);
                outage.succeeded();
                return result;
            } catch (PersistenceException failure) {
                if (attempt >= MAX_ATTEMPTS || !SqlErrors.isTransient(failure)) {
                    throw unavailableOrAsIs(failure);
                }
            }
        }
    }

    /** The port's own exception for a database that is out of reach; any other failure as it came. */
    private RuntimeException unavailableOrAsIs(PersistenceException failure) {
        if (!SqlErrors.isUnavailable(failure)) {
            return failure;
        }
        String cause = SqlErrors.describe(failure);
        outage.failed(cause);
        return new StorageUnavailableException(cause, failure);
    }
}
