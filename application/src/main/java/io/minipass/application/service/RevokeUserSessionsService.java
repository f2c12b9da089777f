package io.minipass.application.service;

import io.minipass.application.port.in.Revocation;
import io.minipass.application.port.in.RevokeUserSessionsCommand;
import io.minipass.application.port.in.RevokeUserSessionsUseCase;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Clears the user's tokens where they are stored, then tells every node's token cache to drop them. In that order:
 * a node that reads a token from the database while it is cleared learns of the eviction after it cached it, and
 * its cache drops it then (the token cache remembers evicted tokens for that race).
 */
public final class RevokeUserSessionsService implements RevokeUserSessionsUseCase {
    private final UserDirectory users;
    private final RevokeUserTokensPort tokens;
    private final EvictTokensPort evictions;

    public RevokeUserSessionsService(UserDirectory users, RevokeUserTokensPort tokens, EvictTokensPort evictions) {
        this.users = users;
        this.tokens = tokens;
        this.evictions = evictions;
    }

    @Override
    public Revocation revoke(RevokeUserSessionsCommand command) {
        Optional<UserId> user = find(command);
        if (user.isEmpty()) {
            return new Revocation.UnknownUser();
        }
        List<Token> cleared = tokens.revokeTokens(user.get());
        return new Revocation.Revoked(user.get(), cleared.size(), evictions.evict(cleared));
    }

    private Optional<UserId> find(RevokeUserSessionsCommand command) {
        if (command instanceof RevokeUserSessionsCommand.ByOpenId byOpenId) {
            return users.findLiveByOpenId(byOpenId.systemType(), byOpenId.platform(), byOpenId.openId()).map(User::id);
        }
        return users.findById(((RevokeUserSessionsCommand.ByUserId) command).user()).map(User::id);
    }
}
