package io.minipass.adapters.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.minipass.adapters.web.php.FormDecoder;
import io.minipass.adapters.web.php.PhpValues;
import io.minipass.adapters.web.php.RequestParameters;
import io.minipass.adapters.web.proxy.BaseUrl;
import io.minipass.adapters.web.proxy.ClientAddresses;
import io.minipass.adapters.web.proxy.TrustedProxies;
import io.minipass.domain.user.TextFit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one handler behind every path and method: finds the endpoint the request names, reads its
 * parameters, runs it and answers its envelope. Whatever goes wrong still answers an envelope.
 */
final class ApiDispatcher implements Handler {
    static final String ALLOWED_METHODS = "GET, POST, HEAD, OPTIONS";
    private static final Set<String> ALLOWED = Set.of("GET", "POST", "HEAD", "OPTIONS");
    private static final List<String> COMMON_PARAMETERS = List.of("s", "application", "application_client_type",
            "system_type", "lang");
    /** Set on a request whose endpoint chose an HTTP status other than 200 (a readiness probe). */
    private static final String CHOSEN_STATUS = "minipass.httpStatus";
    private static final int MAX_ECHOED_CHARACTERS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final Routes routes;
    private final RequestParameters parameters;
    private final TrustedProxies proxies;

    ApiDispatcher(Routes routes, long maxBodyBytes, TrustedProxies proxies) {
        this.routes = routes;
        this.parameters = new RequestParameters(maxBodyBytes);
        this.proxies = proxies;
    }

    @Override
    public void handle(Context ctx) {
        JsonEnvelopeWriter.write(ctx, answer(ctx));
        Integer status = ctx.attribute(CHOSEN_STATUS);
        if (status != null) {
            ctx.status(status);
        }
    }

    /** Whether the status of this answer is the endpoint's choice, not a failure to turn into an envelope. */
    static boolean statusChosen(Context ctx) {
        return ctx.attribute(CHOSEN_STATUS) != null;
    }

    /** HEAD and OPTIONS never run an endpoint: a login must not happen for a request that drops its answer. */
    private ApiResult answer(Context ctx) {
        String method = ctx.req().getMethod();
        return switch (method) {
            case "GET", "POST" -> call(ctx);
            case "HEAD" -> ApiResult.success("", List.of());
            case "OPTIONS" -> {
                ctx.header("Allow", ALLOWED_METHODS);
                yield ApiResult.success("", List.of());
            }
            default -> unsupportedMethod(method);
        };
    }

    /** The answer to a request Javalin turned away before it reached {@link #handle}. */
    ApiResult fallback(Context ctx) {
        if (!ALLOWED.contains(ctx.req().getMethod())) {
            return unsupportedMethod(ctx.req().getMethod());
        }
        return ApiResult.failed(ctx.statusCode() >= 500 ? Failure.SYSTEM_BUSY : Failure.BAD_REQUEST);
    }

    /** What ShopXO reads for every route whatever the method: which route, which client, which language. */
    private static Map<String, Object> commonParameters(Map<String, Object> given) {
        Map<String, Object> common = new LinkedHashMap<>();
        for (String name : COMMON_PARAMETERS) {
            if (given.containsKey(name)) {
                common.put(name, given.get(name));
            }
        }
        return common;
    }

    private static ApiResult unsupportedMethod(String method) {
        return ApiResult.failed("不支持的请求方式[" + TextFit.cut(method, 20) + "]");
    }

    private ApiResult call(Context ctx) {
        Map<String, Object> query = FormDecoder.decode(ctx.req().getQueryString());
        String path = ctx.req().getRequestURI();
        Optional<String> route = RouteResolver.resolve(path, PhpValues.text(query.get("s")));
        String routeName = route.orElseGet(() -> RouteResolver.normalize(path));
        ApiEndpoint endpoint;
        try {
            endpoint = route.map(routes::endpoint).orElse(null);
        } catch (IllegalStateException notStarted) {
            return ApiResult.failed(Failure.SYSTEM_BUSY);
        }
        RequestTrail trail = RequestTrail.of(ctx.req());
        if (trail != null) {
            trail.platform(PhpValues.text(query.get("application_client_type")));
        }
        if (endpoint == null) {
            return ApiResult.error(ApiResult.UNKNOWN_ROUTE,
                    "接口不存在[" + TextFit.cut(routeName, MAX_ECHOED_CHARACTERS) + "]");
        }
        if (trail != null) {
            trail.route(route.get());
        }
        try {
            RequestParameters.Read read = parameters.read(ctx, query);
            Map<String, Object> given = read.merged();
            Map<String, Object> form = read.form();
            if (endpoint.readsPostOnly() && !ctx.req().getMethod().equals("POST")) {
                given = commonParameters(given);
                form = commonParameters(form);
            }
            ApiRequest request = new ApiRequest(routeName, given, form,
                    BaseUrl.of(ctx.req(), proxies.trustsPeer(ctx.req().getRemoteAddr())),
                    trail != null ? trail.clientAddress() : ClientAddresses.of(ctx.req(), proxies));
            ApiResult result = endpoint.handle(request);
            if (result == null) {
                throw new IllegalStateException("endpoint " + routeName + " answered nothing");
            }
            int status = endpoint.httpStatus(result);
            if (status != 200) {
                ctx.attribute(CHOSEN_STATUS, status);
            }
            return result;
        } catch (Exception e) { // also checked ones, which Kotlin code may throw undeclared
            return Failure.of(e).answer(e, routeName, LOG);
        }
    }
}
