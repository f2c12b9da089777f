package io.minipass.application.port.out;

import io.minipass.domain.user.Token;

import java.util.Optional;

/** Finds the live user whose current token this is; exact match. */
public interface LoadUserByTokenPort {
    Optional<TokenHolder> findLiveByToken(Token token);
}
