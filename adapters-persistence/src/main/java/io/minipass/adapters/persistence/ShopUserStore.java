package io.minipass.adapters.persistence;

import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;

import java.util.List;
import java.util.Objects;

/**
 * The user ports on one ShopXO layout's tables ({@link UserColumnsStore}: ShopXO v2.2.0–v2.3.2;
 * {@link PlatformRowsStore}: v3.0–v6.7). Each write that replaces tokens also answers which ones, so that
 * {@link TokenCache} can tell every node to drop them. {@link MyBatisPersistence} hands it out only as ports.
 */
interface ShopUserStore extends UserDirectory, UserAccounts, LoadUserByTokenPort, RevokeUserTokensPort {

    /** @see UserAccounts#issueToken */
    TokenWrite issueTokenReplacing(User user, LoginIdentity identity, String token, long now);

    /** @see UserAccounts#bindOpenId */
    TokenWrite bindOpenIdReplacing(User user, LoginIdentity identity, String token, long now);

    /** @see UserAccounts#bindMobile */
    TokenWrite bindMobileReplacing(User user, LoginIdentity identity, String mobile, String token, long now);

    @Override
    default User issueToken(User user, LoginIdentity identity, Token token, long now) {
        return issueTokenReplacing(user, identity, token.value(), now).user();
    }

    @Override
    default User bindOpenId(User user, LoginIdentity identity, Token token, long now) {
        return bindOpenIdReplacing(user, identity, token.value(), now).user();
    }

    @Override
    default User bindMobile(User user, LoginIdentity identity, String mobile, Token token, long now) {
        return bindMobileReplacing(user, identity, mobile, token.value(), now).user();
    }

    /**
     * What a write that gave a user a new token left.
     *
     * @param user     the user as it reads now
     * @param replaced the tokens it replaced, none empty
     */
    record TokenWrite(User user, List<String> replaced) {
        public TokenWrite {
            Objects.requireNonNull(user, "user");
            replaced = replaced.stream().filter(token -> token != null && !token.isEmpty()).distinct().toList();
        }
    }
}
