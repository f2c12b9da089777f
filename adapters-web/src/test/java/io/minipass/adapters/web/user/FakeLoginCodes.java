package io.minipass.adapters.web.user;

import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The platforms' code exchange: codes a test registered answer their session, any other fails as WeChat's 40029. */
final class FakeLoginCodes implements ExchangeLoginCodePort {
    static final String INVALID_CODE = "微信登录失败[40029 invalid code]";

    private final Map<String, LoginSession> sessions = new ConcurrentHashMap<>();
    private final List<String> exchanged = new CopyOnWriteArrayList<>();

    /** @param unionId null when the platform gives none */
    void answer(String code, Platform platform, String openId, String unionId, String sessionKey) {
        sessions.put(code, new LoginSession(new PlatformIdentity(platform, new OpenId(openId),
                Optional.ofNullable(unionId).map(UnionId::new)), sessionKey, Optional.empty()));
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        exchanged.add(platform.clientType() + ":" + code);
        LoginSession session = sessions.get(code);
        if (session == null || session.identity().platform() != platform) {
            throw new PlatformCallFailedException(platform, INVALID_CODE);
        }
        return session;
    }

    /** The codes exchanged so far, as {@code platform:code}. */
    List<String> exchanged() {
        return List.copyOf(exchanged);
    }
}
