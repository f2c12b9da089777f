package io.minipass.application.port.out;

import java.util.Optional;

/** Finds the live user whose current token this is; exact match, never an empty token. */
public interface LoadUserByTokenPort {
    Optional<TokenHolder> findLiveByToken(String token);
}
