package io.minipass.adapters.web;

import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.PlatformNotServedException;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.domain.user.InvalidInputException;
import org.slf4j.Logger;

/**
 * What each kind of exception a route throws becomes, in one table: the envelope the client reads, the log line
 * the operator reads, and the reason the login metrics count it under ({@code minipass.logins{reason}}). The
 * first entry whose kind the exception is wins: the refusals before the bad input they are kinds of.
 */
public enum Failure {
    OVER_BUDGET(OverBudgetException.class, "over_budget",
            (failure, route, log) -> ApiResult.error(ApiResult.OVER_BUDGET, failure.getMessage())),
    UNPROVEN(UnprovenIdentityException.class, "unproven", (failure, route, log) -> refused(failure)),
    DECRYPTION_FAILED(UserDataRefusedException.class, "decryption_failed", (failure, route, log) -> refused(failure)),
    PLATFORM_REFUSED(PlatformCallFailedException.class, "platform_refused", (failure, route, log) -> {
        // The platform adapter has logged the cause; a refused login code is routine, not a fault here.
        log.info("Platform call failed on {}: {}", route, failure.getMessage());
        return refused(failure);
    }),
    STORAGE_UNAVAILABLE(StorageUnavailableException.class, "storage_unavailable", (failure, route, log) -> {
        // Known and already described in one line (the cause's class and text): no stack trace per request.
        log.warn("Storage unavailable on {}: {}", route, failure.getMessage());
        return storageFailed();
    }),
    STATE_UNAVAILABLE(SharedStateUnavailableException.class, "state_unavailable", (failure, route, log) -> {
        // Redis (session keys, login proofs) did not answer within its timeout: the same answer, one line.
        log.warn("Shared state unavailable on {}: {}", route, failure.getMessage());
        return storageFailed();
    }),
    MISCONFIGURED(PlatformNotServedException.class, "misconfigured", (failure, route, log) -> refused(failure)),
    BAD_INPUT(InvalidInputException.class, "bad_input", (failure, route, log) -> refused(failure)),
    /** Anything else, checked exceptions too (Kotlin code may throw them undeclared): with its stack trace. */
    UNEXPECTED(Throwable.class, "error", (failure, route, log) -> {
        log.error("Unexpected failure on {}", route, failure);
        return ApiResult.failed(Failure.SYSTEM_BUSY);
    });

    /** ShopXO's answer to a failure that is not the client's. */
    public static final String SYSTEM_BUSY = "系统繁忙，请稍后再试";
    /** The answer to a request that could not be read as HTTP (Jetty's or Javalin's 4xx). */
    static final String BAD_REQUEST = "请求格式有误";

    private final Class<? extends Throwable> kind;
    private final String reason;
    private final Answer answer;

    Failure(Class<? extends Throwable> kind, String reason, Answer answer) {
        this.kind = kind;
        this.reason = reason;
        this.answer = answer;
    }

    /** The entry for this exception: the first whose kind it is. */
    public static Failure of(Throwable failure) {
        for (Failure entry : values()) {
            if (entry.kind.isInstance(failure)) {
                return entry;
            }
        }
        return UNEXPECTED;
    }

    /** The {@code reason} label of {@code minipass.logins} for a login that ended in this failure. */
    public String reason() {
        return reason;
    }

    /** Logs the failure to {@code log} if this kind is logged, naming the route, and answers its envelope. */
    ApiResult answer(Throwable failure, String route, Logger log) {
        return answer.answer(failure, route, log);
    }

    /** A plain {@code -1} with the exception's message, worded for the client. */
    private static ApiResult refused(Throwable failure) {
        return ApiResult.failed(failure.getMessage());
    }

    private static ApiResult storageFailed() {
        return ApiResult.error(ApiResult.STORAGE_FAILED, SYSTEM_BUSY);
    }

    @FunctionalInterface
    private interface Answer {
        ApiResult answer(Throwable failure, String route, Logger log);
    }
}
