package io.minipass.adapters.state;

import java.util.function.Consumer;

/**
 * Tells every node that a token was replaced, so each drops it from its token cache at once rather
 * than when the cache entry expires. Only tokens that no longer log anyone in are sent.
 *
 * <p>Delivery is best effort. A node whose subscription dropped may have missed some; it is told so
 * ({@code onPossiblyMissed}) when the subscription is lost and again when it is back, and should then
 * drop its whole token cache.
 */
public interface TokenEvictions {
    /**
     * Tells every subscriber, this node's included, that this token was replaced. Never throws: the
     * token is already replaced where it is stored, and a node that cannot be told learns of the gap
     * through {@code onPossiblyMissed}.
     */
    void publish(String replacedToken);

    /**
     * @param onReplaced       called with each replaced token, on a thread of the transport: keep it short
     * @param onPossiblyMissed called when replaced tokens may have gone unheard
     */
    void subscribe(Consumer<String> onReplaced, Runnable onPossiblyMissed);
}
