package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * <b>FOR DEVELOPMENT AND TESTS ONLY — NEVER IN PRODUCTION.</b> Trusts any login code without asking any
 * platform: whoever sends a code gets the account behind it, so a service using this gateway has no
 * authentication at all. The openid is {@code dev_} + the first 24 hex digits of SHA-256 of
 * {@code <client type>:<code>} (the same code gives the same user, per platform); the session key is fresh
 * random bytes of the platform's length (24 for Baidu, 16 elsewhere) that open nothing; there is never a unionid.
 */
final class DevelopmentLoginGateway implements ExchangeLoginCodePort {
    private final SecureRandom random = new SecureRandom();
    private final Map<Platform, Integer> sessionKeyBytes;

    /** @param sessionKeyBytes how long each platform's session keys are */
    DevelopmentLoginGateway(Map<Platform, Integer> sessionKeyBytes) {
        this.sessionKeyBytes = new EnumMap<>(sessionKeyBytes);
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        if (code == null || code.isBlank()) {
            throw new PlatformCallFailedException(platform, "开发登录code为空");
        }
        byte[] sessionKey = new byte[sessionKeyBytes.getOrDefault(platform, 16)];
        random.nextBytes(sessionKey);
        return LoginSessions.of(platform, openIdFor(platform, code), "", Base64.getEncoder().encodeToString(sessionKey));
    }

    static String openIdFor(Platform platform, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((platform.clientType() + ":" + code).getBytes(StandardCharsets.UTF_8));
            return "dev_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
