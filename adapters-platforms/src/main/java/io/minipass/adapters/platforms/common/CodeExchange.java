package io.minipass.adapters.platforms.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.BusyRetry.Attempt;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps of every platform's login-code exchange (docs/platforms.md): "not configured" before any call when
 * credentials are missing, the request sent through {@link PlatformHttp}, the answer read as one JSON object,
 * judged by the platform's {@link Protocol}, a refusal logged and thrown (a busy one tried once more,
 * {@link BusyRetry}), the ids vouched for checked by {@link LoginSessions}. Refusals are logged under the
 * protocol's class.
 */
public final class CodeExchange implements PlatformParts.Login {
    private final Platform platform;
    private final PlatformCredentials credentials;
    private final List<String> missing;
    private final URI baseUrl;
    private final PlatformHttp http;
    private final Protocol protocol;
    private final Logger log;

    public CodeExchange(PlatformContext context, Protocol protocol) {
        this.platform = context.platform();
        this.credentials = context.credentials();
        this.missing = context.missingCredentials();
        this.baseUrl = context.baseUrl();
        this.http = context.http();
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.log = LoggerFactory.getLogger(protocol.getClass());
    }

    /** What differs from platform to platform: the request, and how its answer reads. */
    public interface Protocol {
        /** @param code as the client sent it, never null */
        Request request(PlatformCredentials credentials, String code);

        /** @param body the answer as one JSON object */
        Verdict judge(PlatformAnswer answer, JsonNode body);
    }

    /**
     * How the code goes to the platform: to which path, in which form, with which fields in this order.
     *
     * @param api the API as log lines name it, e.g. {@code jscode2session}
     */
    public record Request(String api, Form form, String path, Map<String, String> fields) {
        public enum Form {
            QUERY, POST_FORM, POST_JSON
        }

        /** The fields {@code name, value, name, value...} in that order. */
        public static Map<String, String> fields(String... namesAndValues) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return fields;
        }
    }

    /** What the platform's answer says. */
    public sealed interface Verdict {
        /** The ids and key the platform vouched for, each empty when it sent none. */
        record Vouched(String openId, String unionId, String sessionKey, String formerOpenId) implements Verdict {
            public Vouched(String openId, String unionId, String sessionKey) {
                this(openId, unionId, sessionKey, "");
            }
        }

        /**
         * @param code    the platform's code as clients see it ({@link PlatformFailures#loginRefused})
         * @param busy    whether the platform called itself busy, worth one more try
         * @param details what the log line shows after {@code refused (HTTP n): }
         */
        record Refused(String code, String message, boolean busy, String details) implements Verdict {
        }
    }

    @Override
    public LoginSession exchange(String code) {
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(platform, missing);
        }
        String sent = code == null ? "" : code;
        return BusyRetry.retryOnceIfBusy(() -> attempt(sent));
    }

    /** Each try builds its request anew: Alipay's carries the time it was signed. */
    private Attempt<LoginSession> attempt(String code) {
        Request request = protocol.request(credentials, code);
        PlatformAnswer answer = send(request);
        Verdict verdict = protocol.judge(answer, PlatformJson.object(platform, answer.body()));
        if (verdict instanceof Verdict.Refused refused) {
            log.info("{} {} refused (HTTP {}): {}", platform.clientType(), request.api(), answer.status(), refused.details());
            PlatformCallFailedException failure = PlatformFailures.loginRefused(platform, refused.code(), refused.message());
            if (refused.busy()) {
                return new Attempt.Busy<>(failure);
            }
            throw failure;
        }
        Verdict.Vouched vouched = (Verdict.Vouched) verdict;
        return new Attempt.Done<>(LoginSessions.of(platform, vouched.openId(), vouched.unionId(), vouched.sessionKey(),
                vouched.formerOpenId()));
    }

    private PlatformAnswer send(Request request) {
        return switch (request.form()) {
            case QUERY -> http.get(platform, PlatformHttp.endpoint(baseUrl, request.path(), request.fields()));
            case POST_FORM -> http.postForm(platform, PlatformHttp.endpoint(baseUrl, request.path(), Map.of()), request.fields());
            case POST_JSON -> http.postJson(platform, PlatformHttp.endpoint(baseUrl, request.path(), Map.of()), request.fields());
        };
    }
}
