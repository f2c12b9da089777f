package io.minipass.adapters.state;

import io.minipass.domain.user.EvictionReach;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.domain.user.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Token evictions within this process, for a single node: delivered at once on the publishing thread, never missed. */
public final class LocalTokenEvictions implements TokenEvictions, EvictTokensPort {
    private static final Logger log = LoggerFactory.getLogger(LocalTokenEvictions.class);

    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String replacedToken) {
        for (Consumer<String> subscriber : subscribers) {
            try {
                subscriber.accept(replacedToken);
            } catch (RuntimeException failure) {
                log.warn("A token eviction subscriber failed", failure);
            }
        }
    }

    @Override
    public void subscribe(Consumer<String> onReplaced, Runnable onPossiblyMissed) {
        subscribers.add(Objects.requireNonNull(onReplaced, "onReplaced"));
    }

    /** Tells this process's subscribers only: no other node hears of it (docs/design.md, ADR-12). */
    @Override
    public EvictionReach evict(List<Token> tokens) {
        tokens.forEach(token -> publish(token.value()));
        return new EvictionReach.ThisProcessOnly();
    }
}
