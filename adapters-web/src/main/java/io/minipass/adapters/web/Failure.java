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

import java.util.function.Function;

/**
 * What each kind of exception a route throws becomes, in one table: the envelope the client reads, the log line
 * the operator reads, and the reason the login metrics count it under ({@code minipass.logins{reason}}). The
 * first entry whose kind the exception is wins: the refusals before the bad input they are kinds of.
 */
public enum Failure {
    OVER_BUDGET(OverBudgetException.class, "over_budget",
            failure -> ApiResult.error(ApiResult.OVER_BUDGET, failure.getMessage()), LogLine.NONE, ""),
    UNPROVEN(UnprovenIdentityException.class, "unproven", Failure::refused, LogLine.NONE, ""),
    DECRYPTION_FAILED(UserDataRefusedException.class, "decryption_failed", Failure::refused, LogLine.NONE, ""),
    /** The platform adapter has logged the cause; a refused login code is routine, not a fault here. */
    PLATFORM_REFUSED(PlatformCallFailedException.class, "platform_refused", Failure::refused,
            LogLine.INFO, "Platform call failed on {}: {}"),
    /** Known and already described in one line (the cause's class and text): no stack trace per request. */
    STORAGE_UNAVAILABLE(StorageUnavailableException.class, "storage_unavailable", Failure::storageFailed,
            LogLine.WARN, "Storage unavailable on {}: {}"),
    /** Redis (session keys, login proofs) did not answer within its timeout: the same answer, one line. */
    STATE_UNAVAILABLE(SharedStateUnavailableException.class, "state_unavailable", Failure::storageFailed,
            LogLine.WARN, "Shared state unavailable on {}: {}"),
    MISCONFIGURED(PlatformNotServedException.class, "misconfigured", Failure::refused, LogLine.NONE, ""),
    BAD_INPUT(InvalidInputException.class, "bad_input", Failure::refused, LogLine.NONE, ""),
    /** Anything else, checked exceptions too (Kotlin code may throw them undeclared). */
    UNEXPECTED(Throwable.class, "error", failure -> ApiResult.failed(Failure.SYSTEM_BUSY),
            LogLine.STACK_TRACE, "Unexpected failure on {}");

    /** ShopXO's answer to a failure that is not the client's. */
    public static final String SYSTEM_BUSY = "系统繁忙，请稍后再试";
    /** The answer to a request that could not be read as HTTP (Jetty's or Javalin's 4xx). */
    static final String BAD_REQUEST = "请求格式有误";

    private final Class<? extends Throwable> kind;
    private final String reason;
    private final Function<Throwable, ApiResult> answer;
    private final LogLine logLine;
    private final String logText;

    Failure(Class<? extends Throwable> kind, String reason, Function<Throwable, ApiResult> answer, LogLine logLine,
            String logText) {
        this.kind = kind;
        this.reason = reason;
        this.answer = answer;
        this.logLine = logLine;
        this.logText = logText;
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

    /** Logs the failure (if this kind is logged) to {@code log}, naming the route, and answers its envelope. */
    ApiResult answer(Throwable failure, String route, Logger log) {
        switch (logLine) {
            case INFO -> log.info(logText, route, failure.getMessage());
            case WARN -> log.warn(logText, route, failure.getMessage());
            case STACK_TRACE -> log.error(logText, route, failure);
            case NONE -> {
            }
        }
        return answer.apply(failure);
    }

    /** A plain {@code -1} with the exception's message, worded for the client. */
    private static ApiResult refused(Throwable failure) {
        return ApiResult.failed(failure.getMessage());
    }

    private static ApiResult storageFailed(Throwable failure) {
        return ApiResult.error(ApiResult.STORAGE_FAILED, SYSTEM_BUSY);
    }

    private enum LogLine {
        NONE, INFO, WARN, STACK_TRACE
    }
}
