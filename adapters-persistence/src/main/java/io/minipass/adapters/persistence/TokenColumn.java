package io.minipass.adapters.persistence;

import io.minipass.domain.user.User;
import org.apache.ibatis.session.SqlSession;

/** A user's token in ShopXO's {@code token} column, and when we issued it in our own issued-token table. */
final class TokenColumn {
    private TokenColumn() {
    }

    /** Replaces the user's token, answering the one it replaced ({@code ""} for none), read under the row's lock. */
    static String update(SqlSession session, long userId, String token, long now) {
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
    static String replace(SqlSession session, long userId, String expected, String token, long now) {
        if (session.getMapper(UserMapper.class).replaceToken(userId, expected, token, now) != 1) {
            return update(session, userId, token, now);
        }
        session.getMapper(IssuedTokenMapper.class).save(userId, token, now);
        return expected;
    }

    /** When we issued the user's current token; 0 when something else (ShopXO) issued it. */
    static long issuedAt(SqlSession session, User user) {
        IssuedTokenRow issued = session.getMapper(IssuedTokenMapper.class).selectByUserId(user.id().value());
        return issued != null && issued.token().equals(user.token()) ? issued.issuedAt() : 0;
    }
}
