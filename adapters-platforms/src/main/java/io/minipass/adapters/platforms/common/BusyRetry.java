package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.PlatformCallFailedException;

import java.util.function.Supplier;

/**
 * Calls a platform again, once and at once, when it answered "system busy". Login codes are single use,
 * so nothing else is ever retried: a second try with a code the platform has seen would fail as "code used".
 */
public final class BusyRetry {
    private BusyRetry() {
    }

    /** What one call gave: a result, or a busy answer worth one more try. */
    public sealed interface Attempt<T> {
        record Done<T>(T value) implements Attempt<T> {
        }

        /** The platform was busy; {@code failure} is what the caller sees if it still is. */
        record Busy<T>(PlatformCallFailedException failure) implements Attempt<T> {
        }
    }

    public static <T> T retryOnceIfBusy(Supplier<Attempt<T>> call) {
        Attempt<T> first = call.get();
        if (first instanceof Attempt.Done<T> done) {
            return done.value();
        }
        Attempt<T> second = call.get();
        if (second instanceof Attempt.Done<T> done) {
            return done.value();
        }
        throw ((Attempt.Busy<T>) second).failure();
    }
}
