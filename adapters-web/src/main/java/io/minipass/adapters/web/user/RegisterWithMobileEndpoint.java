package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.RegisterWithMobileCommand;
import io.minipass.application.port.in.RegisterWithMobileUseCase;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code user/userbasereg} (ShopXO v6.4 and later): the user registers with the avatar and nickname they chose and
 * the mobile {@link VerifyMobileEndpoint} verified a moment before; a user already holding the mobile or the openid
 * logs in as a mobile binding would.
 */
public record RegisterWithMobileEndpoint(RegisterWithMobileUseCase useCase, ShopxoUserRoutes shopxo)
        implements LoginEndpoint {
    public static final String ROUTE = "user/userbasereg";
    /** Required, checked in this order as ShopXO checks them. */
    private static final List<Map.Entry<String, ShopxoText>> REQUIRED = List.of(
            Map.entry("openid", ShopxoText.OPENID_EMPTY),
            Map.entry("avatar", ShopxoText.AVATAR_EMPTY),
            Map.entry("nickname", ShopxoText.NICKNAME_LENGTH),
            Map.entry("mobile", ShopxoText.MOBILE_EMPTY));

    @Override
    public ApiResult handle(ApiRequest request) {
        REQUIRED.forEach(required -> shopxo.require(request, required.getKey(), required.getValue()));
        Platform platform = shopxo.oneTouchPlatform(request);
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, platform.clientType() + "_unionid");
        LoginOutcome outcome = useCase.register(new RegisterWithMobileCommand(shopxo.systemType(request),
                new PlatformIdentity(platform, openId, unionId), EchoedProfiles.read(request), request.text("mobile"), request.text("referrer"),
                request.clientAddress(), request.token()));
        return shopxo.answers().mobileLogin(outcome, request);
    }
}
