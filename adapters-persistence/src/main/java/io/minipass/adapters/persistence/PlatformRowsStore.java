package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.OpenIdAlreadyClaimedException;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.Channel;
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

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user ports on ShopXO v3.0–v6.7's tables: the person in {@code <prefix>user}, each platform's ids and the
 * token in one {@code <prefix>user_platform} row per (user, system type, platform), as SHOPXO-V6 keeps them
 * (docs/design.md#adr-27-shopxo-v3-and-later-the-platform-rows). A user found by an id reads through its row
 * of the login's channel; one found only in another row (another system type or platform) is given a row of the
 * channel when it logs in, so its token works on the shop's own routes. Look-ups run on the indexed column and
 * keep only exact matches, since MySQL's collations fold case and ignore trailing spaces.
 */
final class PlatformRowsStore implements ShopUserStore, OpenIdClaims.Holders, MobileClaims.Holders {
    private static final String EMAIL_COLUMN = "email";
    private static final String NUMBER_CODE_COLUMN = "number_code";

    private final StoreSessions sessions;
    private final OpenIdClaims openIdClaims = new OpenIdClaims(this);
    private final MobileClaims mobileClaims = new MobileClaims(this);

    PlatformRowsStore(StoreSessions sessions) {
        this.sessions = sessions;
    }

    static void addMappers(Configuration configuration) {
        configuration.addMapper(PlatformUserMapper.class);
    }

    @Override
    public Optional<User> findLiveByOpenId(SystemType systemType, Platform platform, OpenId openId) {
        return sessions.read(session -> LiveRows.throughChannel(
                LiveRows.holding(session, PlatformColumns.openId(platform), openId.value(), platform, PlatformUserRow::openIdOf),
                Channel.of(systemType, platform), platform, ids -> ids.withOpenId(platform, openId)));
    }

    @Override
    public Optional<User> findLiveByUnionId(SystemType systemType, Platform platform, UnionId unionId) {
        return PlatformColumns.unionId(platform).flatMap(column -> sessions.read(session -> LiveRows.throughChannel(
                LiveRows.holding(session, column, unionId.value(), platform, PlatformUserRow::unionIdOf),
                Channel.of(systemType, platform), platform, ids -> ids)));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return sessions.read(session -> Optional.ofNullable(mapper(session).selectUser(id.value()))
                .map(PlatformUserRows::withoutRow));
    }

    @Override
    public Optional<User> findByNumberCode(String numberCode) {
        return userWith(NUMBER_CODE_COLUMN, PlatformUserRow::numberCode, numberCode);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return userWith(EMAIL_COLUMN, PlatformUserRow::email, email);
    }

    /** The user, deleted or not, whose column ({@code valueOf} in the row) holds exactly this value; lowest id first. */
    private Optional<User> userWith(String column, Function<PlatformUserRow, String> valueOf, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return sessions.read(session -> mapper(session).selectUsersByColumn(column, value).stream()
                .filter(user -> value.equals(valueOf.apply(user)))
                .min(Comparator.comparingLong(PlatformUserRow::id))
                .map(PlatformUserRows::withoutRow));
    }

    @Override
    public Optional<TokenHolder> findLiveByToken(Token token) {
        String text = token.value();
        return sessions.read(session -> mapper(session).selectByToken(text).stream()
                .filter(row -> row.isLive() && text.equals(row.token()))
                .min(LiveRows.LOWEST_IDS)
                .map(row -> new TokenHolder(PlatformUserRows.throughRow(row), row.tokenTime())));
    }

    @Override
    public Optional<User> findLiveByMobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return Optional.empty();
        }
        return sessions.read(session -> LiveRows.holdingMobile(session, mobile).stream().findFirst()
                .map(PlatformUserRows::withoutRow));
    }

    /**
     * One transaction: the user, its member code, its platform row with the first token, its claims; then one read
     * checks that no other live user holds the openid (ShopXO writes rows without our claim).
     */
    @Override
    public User register(NewUser newUser) {
        return sessions.write(session -> {
            PlatformUserMapper users = mapper(session);
            PersonInsert insert = PlatformUserRows.toInsert(newUser);
            users.insertUser(insert);
            long id = insert.getId();
            String numberCode = MemberCodes.of(id);
            users.updateNumberCode(id, numberCode);
            LoginIdentity identity = newUser.identity();
            users.insertRow(RowInsert.of(id, identity.systemType().value(), identity.platform(), identity.ids(),
                    newUser.token().map(Token::value).orElse(""), newUser.addTime()));
            openIdClaims.claimOnly(session, identity.platform(), identity.openId(), id);
            if (!newUser.mobile().isEmpty()) {
                mobileClaims.claim(session, newUser.mobile(), id);
            }
            if (heldByAnother(session, id, identity.platform(), identity.openId())) {
                throw new OpenIdAlreadyClaimedException(identity.platform(), identity.openId());
            }
            return PlatformUserRows.registered(id, numberCode, newUser);
        });
    }

    /**
     * When the channel's rows still hold the token the user was loaded with, one statement replaces it. Otherwise
     * (another login came between, or the user has no row of the channel yet) the user's row is locked, and the
     * channel's rows get the token, or the user gets a row of the channel holding the identity.
     */
    @Override
    public TokenWrite issueTokenReplacing(User user, LoginIdentity identity, String token, long now) {
        long id = user.id().value();
        String systemType = identity.systemType().value();
        String platform = identity.platform().clientType();
        User issued = user.through(identity.channel(), user.identities(), token);
        String loadedWith = user.token();
        if (!loadedWith.isEmpty() && sessions.autoCommitted(session ->
                mapper(session).replaceChannelToken(id, systemType, platform, loadedWith, token, now)) > 0) {
            return new TokenWrite(issued, List.of(loadedWith));
        }
        return sessions.write(session -> new TokenWrite(issued, ChannelTokens.write(session, user, identity, token, now)));
    }

    /** Adds a row holding the identity to the user, and gives every row of its channel the new token. */
    @Override
    public TokenWrite bindOpenIdReplacing(User user, LoginIdentity identity, String token, long now) {
        return sessions.write(session -> {
            long id = user.id().value();
            openIdClaims.claim(session, identity.platform(), identity.openId(), id);
            List<String> replaced = ChannelTokens.lock(session, id, identity);
            PlatformUserMapper users = mapper(session);
            users.insertRow(RowInsert.of(id, identity.systemType().value(), identity.platform(), identity.ids(), token, now));
            if (!replaced.isEmpty()) {
                users.updateChannelTokens(id, identity.systemType().value(), identity.platform().clientType(), token, now);
            }
            return new TokenWrite(user.through(identity.channel(), identity.ids(), token), replaced);
        });
    }

    /** Sets the mobile (and the user's {@code upd_time}, as ShopXO does) and the channel's token, in one transaction. */
    @Override
    public TokenWrite bindMobileReplacing(User user, LoginIdentity identity, String mobile, String token, long now) {
        return sessions.write(session -> {
            long id = user.id().value();
            mapper(session).updateMobile(id, mobile, now);
            mobileClaims.claim(session, mobile, id);
            List<String> replaced = ChannelTokens.write(session, user, identity, token, now);
            User bound = user.withMobile(mobile, token, now).through(identity.channel(), user.identities(), token);
            return new TokenWrite(bound, replaced);
        });
    }

    /**
     * Empties the token of every row of the user's (every system type and platform), locking the user's row first
     * as every token write does, and answers the tokens they held.
     */
    @Override
    public List<Token> revokeTokens(UserId user) {
        return sessions.write(session -> {
            PlatformUserMapper users = mapper(session);
            if (users.lockUser(user.value()) == null) {
                return List.of();
            }
            List<String> tokens = users.selectTokensForUpdate(user.value()).stream()
                    .filter(token -> token != null && !token.isEmpty())
                    .distinct()
                    .toList();
            if (!tokens.isEmpty()) {
                users.clearTokens(user.value());
            }
            return tokens.stream().map(Token::new).toList();
        });
    }

    @Override
    public boolean holdsLive(SqlSession session, long userId, Platform platform, OpenId openId) {
        return LiveRows.holding(session, PlatformColumns.openId(platform), openId.value(), platform,
                PlatformUserRow::openIdOf).stream().anyMatch(row -> row.id() == userId);
    }

    @Override
    public boolean heldByAnother(SqlSession session, long userId, Platform platform, OpenId openId) {
        return LiveRows.holding(session, PlatformColumns.openId(platform), openId.value(), platform,
                PlatformUserRow::openIdOf).stream().anyMatch(row -> row.id() != userId);
    }

    @Override
    public boolean holdsLive(SqlSession session, long userId, String mobile) {
        PlatformUserRow user = mapper(session).selectUser(userId);
        return user != null && user.isLive() && mobile.equals(user.mobile());
    }

    @Override
    public boolean heldByAnother(SqlSession session, long userId, String mobile) {
        return LiveRows.holdingMobile(session, mobile).stream().anyMatch(user -> user.id() != userId);
    }

    private static PlatformUserMapper mapper(SqlSession session) {
        return session.getMapper(PlatformUserMapper.class);
    }
}

