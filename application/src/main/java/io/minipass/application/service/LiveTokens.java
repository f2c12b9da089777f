package io.minipass.application.service;

import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.Token;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Who holds a token while it is current and unexpired (docs/contract.md#tokenuserinfo); no status is judged here.
 *
 * @param lifetime how long a token lasts after it was issued; zero: until it is replaced
 */
record LiveTokens(LoadUserByTokenPort tokens, Duration lifetime, Clock clock) {

    /** The token's holder; empty for anything that is not a live, unexpired token. */
    Optional<TokenHolder> holder(String token) {
        return Token.fromClient(token).flatMap(tokens::findLiveByToken).filter(holder -> !expired(holder));
    }

    /** A token whose issue this service did not record is as old as the user's last update. */
    private boolean expired(TokenHolder holder) {
        if (lifetime.isZero()) {
            return false;
        }
        long issuedAt = holder.issuedAt() > 0
                ? holder.issuedAt() : Math.max(holder.user().updTime(), holder.user().addTime());
        return clock.instant().getEpochSecond() - issuedAt >= lifetime.toSeconds();
    }
}
