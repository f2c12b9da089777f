package io.minipass.adapters.platforms.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.PlatformFailures.Wording;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The one executor of outbound platform calls (login-code exchanges, WeChat's server API): sends one request
 * within the shared {@link PlatformCallLimit} and reads its answer, turning every way it can fail to arrive
 * (timeout, refused connection, broken exchange, too many calls in flight) into the platform's
 * {@code PlatformCallFailedException}. Judging the answer is left to the caller (read it with
 * {@link #object}): platforms answer errors with HTTP 200 and some successes otherwise. Busy answers are
 * retried by the caller with {@link BusyRetry}, the only retry there is.
 */
public final class PlatformHttp {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttp.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final PlatformCallLimit limit;
    private final Wording wording;

    /**
     * @param client         connect timeout and proxy are the client's ({@link #newClient(Duration)} sets one)
     * @param requestTimeout how long one request may take from sending to the whole answer
     * @param limit          how many calls may be in flight at once, shared with the other platform clients
     */
    public PlatformHttp(HttpClient client, Duration requestTimeout, PlatformCallLimit limit) {
        this(client, requestTimeout, limit, Wording.LOGIN);
    }

    private PlatformHttp(HttpClient client, Duration requestTimeout, PlatformCallLimit limit, Wording wording) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.wording = Objects.requireNonNull(wording, "wording");
    }

    /** The same client, limit and timeout, wording its failures as WeChat's server API documents them. */
    public PlatformHttp forServerApi() {
        return new PlatformHttp(client, requestTimeout, limit, Wording.SERVER_API);
    }

    /** An HTTP/1.1 client that gives up connecting after {@code connectTimeout} and follows no redirect. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(positive(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET uri?query}; the query holds secrets on some platforms, so the URI is never logged. */
    public PlatformAnswer get(Platform platform, URI uri) {
        return send(platform, request(uri).GET().build());
    }

    public PlatformAnswer postForm(Platform platform, URI uri, Map<String, String> fields) {
        return send(platform, request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(fields), StandardCharsets.UTF_8))
                .build());
    }

    /** Posts {@code fields} as a flat JSON object. */
    public PlatformAnswer postJson(Platform platform, URI uri, Map<String, String> fields) {
        return postJson(platform, uri, PlatformJson.write(fields));
    }

    public PlatformAnswer postJson(Platform platform, URI uri, String json) {
        return send(platform, request(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /**
     * The answer's body as one JSON object ({@link PlatformJson}), whatever its status or Content-Type.
     *
     * @throws io.minipass.application.port.out.PlatformCallFailedException when it is not one
     */
    public JsonNode object(Platform platform, PlatformAnswer answer) {
        JsonNode object = PlatformJson.objectOrNull(answer.body());
        if (object == null) {
            LOG.info("{} answered HTTP {} with no JSON object", platform.clientType(), answer.status());
            throw PlatformFailures.unreadable(platform, wording, answer.status());
        }
        return object;
    }

    /** {@code base} (which may carry a path prefix) + {@code path} + an encoded query, if any. */
    public static URI endpoint(URI base, String path, Map<String, String> query) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + formEncode(query)));
    }

    /** {@code k=v&k=v} in the map's order, UTF-8 percent-encoded. */
    public static String formEncode(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    }

    private PlatformAnswer send(Platform platform, HttpRequest request) {
        try (PlatformCallLimit.Permit ignored = limit.enter(platform)) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new PlatformAnswer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.info("{} call timed out after {}", platform.clientType(), requestTimeout);
            throw PlatformFailures.timedOut(platform, e);
        } catch (ConnectException e) {
            LOG.info("{} call could not connect: {}", platform.clientType(), e.toString());
            throw PlatformFailures.unreachable(platform, wording, e);
        } catch (IOException e) {
            LOG.info("{} call failed: {}", platform.clientType(), e.toString());
            throw PlatformFailures.requestFailed(platform, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformFailures.interrupted(platform, e);
        }
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
