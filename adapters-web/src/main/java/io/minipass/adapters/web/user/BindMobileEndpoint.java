package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.BindMobileUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/**
 * {@code user/onekeyusermobilebind}: the client proves the user's mobile with the platform's phone
 * button and sends back the provisional profile it was given, and the token it holds when the user is signed in
 * (docs/contract.md#onekeyusermobilebind).
 */
public record BindMobileEndpoint(BindMobileUseCase useCase, ShopxoUserRoutes shopxo) implements LoginEndpoint {
    public static final String ROUTE = "user/onekeyusermobilebind";

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = shopxo.platformOf(request, "UserMobileBind");
        shopxo.require(request, "openid", ShopxoText.OPENID_EMPTY);
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, platform.clientType() + "_unionid");
        LoginOutcome outcome = useCase.bindMobile(new BindMobileCommand(shopxo.systemType(request),
                new PlatformIdentity(platform, openId, unionId), EchoedProfiles.read(request), request.text("referrer"), PhoneProofs.read(request),
                request.clientAddress(), request.token()));
        return shopxo.answers().mobileLogin(outcome, request);
    }
}
