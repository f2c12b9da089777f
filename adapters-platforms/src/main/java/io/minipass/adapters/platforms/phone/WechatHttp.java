package io.minipass.adapters.platforms.phone;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts JSON to WeChat and reads the answer as UTF-8 JSON ({@link PlatformJson}'s strict reading) whatever
 * its {@code Content-Type} or HTTP status (WeChat answers errors with 200 and an {@code errcode}).
 */
final class WechatHttp {
    private static final Logger log = LoggerFactory.getLogger(WechatHttp.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;
    private final PlatformCallLimit limit;

    WechatHttp(HttpClient client, Duration timeout, PlatformCallLimit limit) {
        this.client = client;
        this.timeout = timeout;
        this.limit = limit;
    }

    /** @param what what the call does, for log lines (never the URL: it may carry the access token) */
    WechatReply postJson(URI uri, Map<String, ?> body, String what) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JacksonException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        HttpResponse<byte[]> response;
        try (PlatformCallLimit.Permit ignored = limit.enter(Platform.WEIXIN)) {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException timedOut) {
            log.warn("WeChat {} timed out after {}", what, timeout);
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信接口请求超时", timedOut);
        } catch (IOException unreachable) {
            log.warn("WeChat {} failed: {}", what, unreachable.toString());
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信接口请求失败", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信接口请求被中断", interrupted);
        }
        return new WechatReply(parse(response, what));
    }

    private static Map<String, Object> parse(HttpResponse<byte[]> response, String what) {
        try {
            JsonNode root = PlatformJson.tree(new String(response.body(), StandardCharsets.UTF_8));
            if (root != null && root.isObject()) {
                return PlatformJson.plain(root);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // reported below
        }
        log.warn("WeChat {} answered HTTP {} with no JSON object", what, response.statusCode());
        throw new PlatformCallFailedException(Platform.WEIXIN, "微信接口返回数据无法解析[HTTP " + response.statusCode() + "]");
    }
}
