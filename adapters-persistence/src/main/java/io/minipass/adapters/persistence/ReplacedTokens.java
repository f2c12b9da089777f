package io.minipass.adapters.persistence;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How the token caches of several nodes tell each other that a token was replaced, so that every
 * node drops it at once rather than when its cache entry expires. The token cache announces the
 * token each of its writes replaced; every node's cache, this one's included, listens. Whoever
 * wires the service supplies the channel (in one process: a direct call; across nodes: Redis
 * pub/sub); this module knows none.
 */
interface ReplacedTokens {
    /**
     * Tells every node that this token no longer logs anyone in. Called after the write that
     * replaced it committed. Must not throw: the write is done, and a node that could not be told
     * learns of the gap through {@code onPossiblyMissed}.
     */
    void announce(String replacedToken);

    /**
     * @param onReplaced       called with each token any node announced; keep it short
     * @param onPossiblyMissed called when announcements may have been lost (the channel dropped or came back)
     */
    void listen(Consumer<String> onReplaced, Runnable onPossiblyMissed);

    /** The channel as {@link MyBatisPersistence#userStorePorts} is given it. */
    static ReplacedTokens over(Consumer<String> announce, BiConsumer<Consumer<String>, Runnable> listen) {
        return new ReplacedTokens() {
            @Override
            public void announce(String replacedToken) {
                announce.accept(replacedToken);
            }

            @Override
            public void listen(Consumer<String> onReplaced, Runnable onPossiblyMissed) {
                listen.accept(onReplaced, onPossiblyMissed);
            }
        };
    }
}
