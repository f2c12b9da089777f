package io.minipass.bootstrap.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A part of the service built on a thread of its own while start-up goes on: the database, opened and migrated
 * while the rest is wired (docs/design.md, ADR-18).
 */
public final class StartingPart<T> {
    private final CompletableFuture<T> building;

    private StartingPart(CompletableFuture<T> building) {
        this.building = building;
    }

    public static <T> StartingPart<T> begin(String name, Supplier<T> build) {
        return new StartingPart<>(CompletableFuture.supplyAsync(build, task -> {
            Thread thread = new Thread(task, "minipass-start-" + name);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The part once built, or the failure that stopped it, as its builder threw it. */
    public T await() {
        try {
            return building.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** For a start-up that failed elsewhere: closes the part when (and if) it is built. */
    public void closeWhenBuilt(Consumer<T> close) {
        building.thenAccept(close);
    }
}
