package io.minipass.application.port.in;

import io.minipass.application.budget.Attempt;

import java.util.Objects;

/**
 * A client used up its budget of an attempt (code exchanges, registrations, failed decryptions,
 * failed token look-ups) for now; nothing was done or stored.
 */
public final class OverBudgetException extends RuntimeException {
    public static final String MESSAGE = "请求过于频繁，请稍后再试";

    private final Attempt attempt;

    public OverBudgetException(Attempt attempt) {
        super(MESSAGE);
        this.attempt = Objects.requireNonNull(attempt, "attempt");
    }

    /** Which budget was spent. */
    public Attempt attempt() {
        return attempt;
    }
}
