package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The failures of a platform call, with the messages clients see: the platform's name, what went wrong
 * and, when the platform refused, its own code and message. Never a secret, key or request URL.
 */
public final class PlatformFailures {
    private static final int MAX_PLATFORM_MESSAGE = 120;
    /** WeChat appends request ids and hints ({@code , rid: 65f3e9f7-...}, {@code  hints: [...]}) that mean nothing to a client. */
    private static final Pattern TRAILER = Pattern.compile("[\\s,，;]+(?:rid|hints?):.*$", Pattern.DOTALL);

    private PlatformFailures() {
    }

    /**
     * The app id/secret (or keys) the call needs are missing, e.g. {@code 百度小程序未配置[appkey/secret]};
     * {@code missing} names them (empty: the platform is not set up at all).
     */
    public static PlatformCallFailedException notConfigured(Platform platform, List<String> missing) {
        String named = missing.isEmpty() ? "" : "[" + String.join("/", missing) + "]";
        return new PlatformCallFailedException(platform, PlatformNames.miniProgramOf(platform) + "未配置" + named);
    }

    /**
     * How transport failures are worded: the login-code exchanges and WeChat's server API (phone numbers,
     * access tokens) were documented apart (docs/contract.md), so one meaning has two wordings there.
     */
    public enum Wording {
        /** {@code <平台>接口连接失败}, {@code <平台>接口返回格式有误} */
        LOGIN,
        /** {@code <平台>接口请求失败}, {@code <平台>接口返回数据无法解析[HTTP n]} */
        SERVER_API
    }

    /** The platform answered and refused the login, e.g. {@code 微信登录失败[40029: invalid code]}. */
    public static PlatformCallFailedException loginRefused(Platform platform, String code, String message) {
        return refused(platform, "登录失败", code, message);
    }

    /**
     * The platform answered and refused a call, e.g. {@code 微信获取手机号失败[40029: invalid code]}.
     *
     * @param failed what failed, as clients read it: {@code 登录失败}, {@code 获取手机号失败}...
     */
    public static PlatformCallFailedException refused(Platform platform, String failed, String code, String message) {
        String shown = platformMessage(message);
        String detail = shown.isEmpty() ? code : code + ": " + shown;
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + failed + "[" + detail + "]");
    }

    /** A "success" answer without the id the login needs. */
    public static PlatformCallFailedException missingOpenId(Platform platform) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "登录失败[未返回openid]");
    }

    /** An id in the answer that is not a well-formed openid/unionid ({@code what} names it). */
    public static PlatformCallFailedException malformedId(Platform platform, String what) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "返回的" + what + "格式有误");
    }

    public static PlatformCallFailedException timedOut(Platform platform, Throwable cause) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口请求超时", cause);
    }

    public static PlatformCallFailedException unreachable(Platform platform, Wording wording, Throwable cause) {
        return wording == Wording.LOGIN
                ? new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口连接失败", cause)
                : requestFailed(platform, cause);
    }

    public static PlatformCallFailedException requestFailed(Platform platform, Throwable cause) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口请求失败", cause);
    }

    public static PlatformCallFailedException interrupted(Platform platform, Throwable cause) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口请求被中断", cause);
    }

    /** Too many platform calls are in flight already; this one was not made. */
    public static PlatformCallFailedException busy(Platform platform) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口繁忙，请稍后再试");
    }

    /** The body is not the JSON object the platform documents. */
    public static PlatformCallFailedException unreadable(Platform platform) {
        return unreadable(platform, Wording.LOGIN, 0);
    }

    /** @param status the answer's HTTP status, which the server API's wording shows */
    public static PlatformCallFailedException unreadable(Platform platform, Wording wording, int status) {
        String what = wording == Wording.LOGIN ? "接口返回格式有误" : "接口返回数据无法解析[HTTP " + status + "]";
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + what);
    }

    /** The answer's signature does not check out: it may not come from the platform. */
    public static PlatformCallFailedException badSignature(Platform platform) {
        return new PlatformCallFailedException(platform, PlatformNames.of(platform) + "接口返回签名验证失败");
    }

    /** The platform's own message, without request ids or hints, on one line and of a length fit for a client. */
    static String platformMessage(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = TRAILER.matcher(message).replaceFirst("").replaceAll("\\s+", " ").trim();
        if (oneLine.codePointCount(0, oneLine.length()) <= MAX_PLATFORM_MESSAGE) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_PLATFORM_MESSAGE)) + "…";
    }
}
