package io.minipass.adapters.persistence;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import org.apache.ibatis.session.SqlSession;

import java.util.List;

/** The tokens of a user's rows of one channel (system type, platform), written under the user's row lock. */
final class ChannelTokens {
    private ChannelTokens() {
    }

    /** The channel's rows get the token, or the user a row of the channel holding the identity: the tokens replaced. */
    static List<String> write(SqlSession session, User user, LoginIdentity identity, String token,
                              long now) {
        long id = user.id().value();
        List<String> tokens = lock(session, id, identity);
        PlatformUserMapper users = session.getMapper(PlatformUserMapper.class);
        if (tokens.isEmpty()) {
            PlatformIdentities ids = user.identities().withOpenId(identity.platform(), identity.openId());
            users.insertRow(RowInsert.of(id, identity.systemType().value(), identity.platform(), ids, token, now));
        } else {
            users.updateChannelTokens(id, identity.systemType().value(), identity.platform().clientType(), token, now);
        }
        return tokens;
    }

    /**
     * Locks the user's row, then the rows of the channel, answering their tokens (one per row, empty ones too: no
     * rows, no tokens): two writes that would give one user a row of the same channel at once take turns, and the
     * second finds the first's row.
     */
    static List<String> lock(SqlSession session, long userId, LoginIdentity identity) {
        PlatformUserMapper users = session.getMapper(PlatformUserMapper.class);
        if (users.lockUser(userId) == null) {
            throw new IllegalStateException("no user with id " + userId);
        }
        return users.selectChannelTokensForUpdate(userId, identity.systemType().value(), identity.platform().clientType());
    }
}
