package io.minipass.application.service;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.util.Optional;

/**
 * A signed-in user's token, standing in for the login proof of an openid that very user holds: an
 * {@code appminiuserauth} that logs a known user in leaves no proof, and that user may still bind a mobile later
 * (docs/security.md#the-login-proof). Its look-up passes the same {@link TokenLookupGate} as {@code tokenuserinfo}'s;
 * a token that proves nothing counts as a failed token look-up.
 */
record TokenProofs(LiveTokens tokens, UserDirectory users, TokenLookupGate gate) {

    /**
     * Whether the token is live and belongs to the live user who holds this openid on this platform.
     *
     * @throws io.minipass.application.port.in.OverBudgetException when the address sent too many bad tokens lately
     *                                                             and the gate lets this one through no more
     */
    boolean proves(String token, SystemType systemType, PlatformIdentity claimed, ClientAddress from) {
        if (token.isEmpty()) {
            return false;
        }
        gate.admit(token, from);
        Optional<UserId> holder = tokens.holder(token).map(TokenHolder::user).map(User::id);
        boolean proves = holder.isPresent()
                && users.findLiveByOpenId(systemType, claimed.platform(),
                        claimed.openId()).map(User::id).equals(holder);
        if (!proves) {
            gate.failed(from);
        }
        return proves;
    }
}
