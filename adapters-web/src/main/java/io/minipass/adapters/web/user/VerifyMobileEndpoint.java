package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.in.VerifyMobileUseCase;
import io.minipass.domain.user.Platform;

/**
 * {@code user/onekeyusermobiledecrypt} (ShopXO v6.4 and later): the client proves the user's mobile with the
 * platform's phone button and is told the mobile, to register with it next ({@link RegisterWithMobileEndpoint}).
 */
public record VerifyMobileEndpoint(VerifyMobileUseCase useCase, ShopxoUserRoutes shopxo) implements LoginEndpoint {
    public static final String ROUTE = "user/onekeyusermobiledecrypt";

    @Override
    public ApiResult handle(ApiRequest request) {
        shopxo.require(request, "openid", ShopxoText.OPENID_EMPTY);
        Platform platform = shopxo.oneTouchPlatform(request);
        String mobile = useCase.verifyMobile(new VerifyMobileCommand(shopxo.systemType(request), platform,
                ClientIds.openId(request), PhoneProofs.read(request), request.clientAddress(), request.token()));
        return ApiResult.success("success", mobile);
    }
}
