package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.ProfileData;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/** {@code user/appminiuserinfo}: a mini-program user logs in with the profile they share (docs/contract.md#appminiuserinfo). */
public record LogInMiniProgramUserEndpoint(LogInMiniProgramUserUseCase useCase, ShopxoUserRoutes shopxo)
        implements LoginEndpoint {
    public static final String ROUTE = "user/appminiuserinfo";

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = shopxo.platformOf(request, "UserInfo");
        shopxo.require(request, "openid", ShopxoText.OPENID_EMPTY);
        shopxo.require(request, "auth_data", ShopxoText.AUTH_DATA_EMPTY);
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, "unionid");
        ProfileData profile = AuthDataReader.read(platform, request.value("auth_data"));
        LoginOutcome outcome = useCase.logIn(new LogInMiniProgramUserCommand(shopxo.systemType(request),
                new PlatformIdentity(platform, openId, unionId), profile, request.text("referrer"), request.clientAddress()));
        return shopxo.answers().profileLogin(outcome, request);
    }
}
