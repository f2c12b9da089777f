package io.minipass.application.port.out;

import io.minipass.domain.user.EvictionReach;
import io.minipass.domain.user.Token;

import java.util.List;

/**
 * Tells every node's token cache to drop these tokens now, rather than when its entries expire. Never throws: the
 * tokens are already cleared where they are stored, and the answer says how far the word went.
 */
public interface EvictTokensPort {
    EvictionReach evict(List<Token> tokens);
}
