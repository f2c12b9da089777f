package io.minipass.domain.user;

import java.util.Objects;

/** How far an eviction went (docs/scaling.md#running-several-nodes). */
public sealed interface EvictionReach {

    /** Published on the channel every node listens on; {@code listeners} received it (each node is one). */
    record EveryNode(long listeners) implements EvictionReach {
    }

    /**
     * No channel between nodes is configured: only this process was told. A node that cached one of the tokens
     * keeps accepting it until its cache entry expires (the token cache's bounded lag, docs/design.md ADR-12).
     */
    record ThisProcessOnly() implements EvictionReach {
    }

    /** The channel could not be reached: nodes drop the tokens when their cache entries expire. */
    record Undelivered(String cause) implements EvictionReach {
        public Undelivered {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
