package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;

import java.util.List;
import java.util.Optional;

/**
 * The user ports on ShopXO v2.2.0–v2.3.2's user table, where every platform id and the token are columns of
 * {@code <prefix>user} (and the ids it has no column for live in our identity table, {@link IdSlots}). A system
 * type changes nothing here: ShopXO v2 had none. Look-ups by openid, unionid, mobile or token run on the indexed
 * column and keep only exact matches, since MySQL's collations fold case and ignore trailing spaces.
 */
final class UserColumnsStore implements ShopUserStore, OpenIdClaims.Holders, MobileClaims.Holders {
    private static final String EMAIL_COLUMN = "email";

    private final StoreSessions sessions;
    private final IdSlots slots;
    private final OpenIdClaims openIdClaims = new OpenIdClaims(this);
    private final MobileClaims mobileClaims = new MobileClaims(this);
    private final Registration registration;
    /** Whether the database writes a user's token and its issue time in one multi-table UPDATE (MySQL, MariaDB). */
    private final boolean oneStatementTokenWrite;

    /** @param kuaishouOpenidColumn whether the shop's user table has ShopXO v2.2.8's {@code kuaishou_openid} */
    UserColumnsStore(StoreSessions sessions, boolean kuaishouOpenidColumn) {
        this.sessions = sessions;
        this.slots = new IdSlots(kuaishouOpenidColumn);
        this.registration = new Registration(slots, openIdClaims, mobileClaims);
        this.oneStatementTokenWrite = sessions.isMysql();
    }

    /**
     * The mappers of this layout, with the variables their SQL is read with.
     *
     * @param kuaishouOpenidColumn whether the shop's user table has ShopXO v2.2.8's {@code kuaishou_openid}
     */
    static void addMappers(Configuration configuration, boolean kuaishouOpenidColumn) {
        // ShopXO v2.2.8+'s column where it exists; else nothing, and our identity table holds Kuaishou openids.
        configuration.getVariables().setProperty("kuaishouOpenidColumn",
                kuaishouOpenidColumn ? "u." + IdSlots.KUAISHOU_OPENID : "''");
        configuration.getVariables().setProperty("kuaishouOpenidInsert",
                kuaishouOpenidColumn ? ", " + IdSlots.KUAISHOU_OPENID : "");
        configuration.getVariables().setProperty("kuaishouOpenidValue", kuaishouOpenidColumn ? ", #{kuaishouOpenid}" : "");
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(UserIdentityMapper.class);
        configuration.addMapper(IssuedTokenMapper.class);
    }

    /**
     * Once ShopXO has its own Kuaishou column (an upgrade to v2.2.8 or later), the Kuaishou openids
     * this service kept in its identity table move there, where ShopXO's payment reads them and where
     * this service now looks. A user whose column ShopXO already filled keeps that value.
     */
    void moveOwnKuaishouOpenidsToColumn() {
        sessions.write(session -> {
            UserIdentityMapper identities = session.getMapper(UserIdentityMapper.class);
            UserMapper users = session.getMapper(UserMapper.class);
            String platform = Platform.KUAISHOU.clientType();
            String kind = IdSlot.Kind.OPENID.code();
            for (UserIdentityRow row : identities.selectAllOf(platform, kind)) {
                users.updateColumnIfEmpty(row.userId(), IdSlots.KUAISHOU_OPENID, IdText.text(row.externalId()));
                identities.delete(row.userId(), platform, kind);
            }
            return null;
        });
    }

    @Override
    public Optional<User> findLiveByOpenId(SystemType systemType, Platform platform, OpenId openId) {
        return sessions.read(session -> LiveUsers.holding(session, slots.openId(platform), openId.value()).stream().findFirst());
    }

    @Override
    public Optional<User> findLiveByUnionId(SystemType systemType, Platform platform, UnionId unionId) {
        return slots.unionId(platform).flatMap(slot ->
                sessions.read(session -> LiveUsers.holding(session, slot, unionId.value()).stream().findFirst()));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return sessions.read(session -> Optional.ofNullable(session.getMapper(UserMapper.class).selectById(id.value()))
                .map(UserRowMapping::toUser));
    }

    /** ShopXO v2 gives no member codes, and a referrer is never read as one there. */
    @Override
    public Optional<User> findByNumberCode(String numberCode) {
        return Optional.empty();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        if (email == null || email.isEmpty()) {
            return Optional.empty();
        }
        return sessions.read(session -> session.getMapper(UserMapper.class).selectByColumn(EMAIL_COLUMN, email).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> user.email().equals(email))
                .min(LiveUsers.LOWEST_ID_FIRST));
    }

    @Override
    public Optional<TokenHolder> findLiveByToken(Token token) {
        String text = token.value();
        return sessions.read(session -> session.getMapper(UserMapper.class).selectByToken(text).stream()
                .map(UserRowMapping::toUser)
                .filter(user -> !user.isDeleted() && user.token().equals(text))
                .min(LiveUsers.LOWEST_ID_FIRST)
                .map(user -> new TokenHolder(user, TokenColumn.issuedAt(session, user))));
    }

    @Override
    public Optional<User> findLiveByMobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return Optional.empty();
        }
        return sessions.read(session -> LiveUsers.holdingMobile(session, mobile).stream().findFirst());
    }

    @Override
    public TokenWrite bindMobileReplacing(User user, LoginIdentity identity, String mobile, String token, long now) {
        return sessions.write(session -> {
            long id = user.id().value();
            String replaced = TokenColumn.update(session, id, token, now);
            session.getMapper(UserMapper.class).updateColumn(id, LiveUsers.MOBILE_COLUMN, mobile);
            mobileClaims.claim(session, mobile, id);
            return new TokenWrite(user.withMobile(mobile, token, now), List.of(replaced));
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
        return sessions.write(session -> UserRowMapping.toUser(registration.insert(session, newUser)));
    }

    @Override
    public TokenWrite bindOpenIdReplacing(User user, LoginIdentity identity, String token, long now) {
        return sessions.write(session -> {
            long id = user.id().value();
            String replaced = TokenColumn.update(session, id, token, now);
            openIdClaims.claim(session, identity.platform(), identity.openId(), id);
            slots.openId(identity.platform()).store(session.getMapper(UserMapper.class),
                    session.getMapper(UserIdentityMapper.class), id, identity.openId().value());
            return new TokenWrite(user.withOpenId(identity.platform(), identity.openId(), token, now), List.of(replaced));
        });
    }

    /**
     * When the user still holds the token they were loaded with, that is the token replaced: on MySQL/MariaDB one
     * statement writes both tables (docs/design.md, ADR-16). Otherwise (another login came between, or we never
     * issued this user a token) the write reads the token it replaces under the row's lock.
     */
    @Override
    public TokenWrite issueTokenReplacing(User user, LoginIdentity identity, String token, long now) {
        long id = user.id().value();
        String loadedWith = user.token();
        User issued = user.withToken(token, now);
        if (oneStatementTokenWrite && sessions.autoCommitted(session ->
                session.getMapper(UserMapper.class).replaceTokenWithIssue(id, loadedWith, token, now)) > 0) {
            return new TokenWrite(issued, List.of(loadedWith));
        }
        String replaced = sessions.write(session -> TokenColumn.replace(session, id, loadedWith, token, now));
        return new TokenWrite(issued, List.of(replaced));
    }

    /** Empties the user's token under the row's lock, answering the one it held. */
    @Override
    public List<Token> revokeTokens(UserId user) {
        return sessions.write(session -> {
            UserMapper users = session.getMapper(UserMapper.class);
            String token = users.selectTokenForUpdate(user.value());
            if (token == null || token.isEmpty()) {
                return List.of();
            }
            users.clearToken(user.value());
            return List.of(new Token(token));
        });
    }

    @Override
    public boolean holdsLive(SqlSession session, long userId, Platform platform, OpenId openId) {
        return LiveUsers.row(session, userId).filter(user -> slots.openId(platform).holds(user, openId.value())).isPresent();
    }

    @Override
    public boolean heldByAnother(SqlSession session, long userId, Platform platform, OpenId openId) {
        return LiveUsers.holding(session, slots.openId(platform), openId.value()).stream()
                .anyMatch(user -> user.id().value() != userId);
    }

    @Override
    public boolean holdsLive(SqlSession session, long userId, String mobile) {
        return LiveUsers.row(session, userId).filter(user -> user.mobile().equals(mobile)).isPresent();
    }

    @Override
    public boolean heldByAnother(SqlSession session, long userId, String mobile) {
        return LiveUsers.holdingMobile(session, mobile).stream().anyMatch(user -> user.id().value() != userId);
    }
}
