package io.minipass.application.port.out;

import io.minipass.domain.user.Token;
import io.minipass.domain.user.UserId;

import java.util.List;

/** Clears every token a user holds where tokens are stored (on every channel), so none of them logs anyone in. */
public interface RevokeUserTokensPort {
    /** @return the tokens cleared, each once; empty when the user held none or does not exist */
    List<Token> revokeTokens(UserId user);
}
