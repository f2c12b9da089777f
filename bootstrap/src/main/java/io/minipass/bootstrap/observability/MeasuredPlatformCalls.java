package io.minipass.bootstrap.observability;

import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures the platform calls at their ports, whatever adapter makes them: {@code minipass.platform.calls} by
 * platform, operation ({@code code_exchange}, {@code phone_number}) and result ({@code ok}; {@code failed}: the
 * platform refused, was not configured or answered nothing usable; {@code timeout}; {@code invalid}: the proof
 * did not open or the platform has no such API; {@code error}: anything else).
 */
public final class MeasuredPlatformCalls {
    private static final List<String> OPERATIONS = List.of("code_exchange", "phone_number");
    private static final List<String> RESULTS = List.of("ok", "failed", "timeout", "invalid", "error");

    private final ServiceMetrics metrics;

    /** Registers every platform, operation and result at 0. */
    public MeasuredPlatformCalls(ServiceMetrics metrics) {
        this.metrics = metrics;
        for (Platform platform : Platform.values()) {
            for (String operation : OPERATIONS) {
                RESULTS.forEach(result -> metrics.knownPlatformCall(platform.clientType(), operation, result));
            }
        }
    }

    public ExchangeLoginCodePort exchange(ExchangeLoginCodePort gateways) {
        return (platform, code) -> measured(platform, "code_exchange", () -> gateways.exchange(platform, code));
    }

    public VerifyPhoneNumberPort phoneNumbers(VerifyPhoneNumberPort verifier) {
        return (Platform platform, OpenId openId, PhoneProof proof) ->
                measured(platform, "phone_number", () -> verifier.verifiedMobile(platform, openId, proof));
    }

    private <T> T measured(Platform platform, String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String result = "error";
        try {
            T answer = call.get();
            result = "ok";
            return answer;
        } catch (PlatformCallFailedException e) {
            result = timedOut(e) ? "timeout" : "failed";
            throw e;
        } catch (InvalidInputException e) {
            result = "invalid";
            throw e;
        } finally {
            metrics.platformCall(platform.clientType(), operation, result, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
