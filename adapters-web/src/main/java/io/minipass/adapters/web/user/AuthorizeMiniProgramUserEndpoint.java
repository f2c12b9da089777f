package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.AuthorizeMiniProgramUserUseCase;
import io.minipass.domain.user.Platform;

/** {@code user/appminiuserauth}: the client trades its platform login code for the user (docs/contract.md#appminiuserauth). */
public record AuthorizeMiniProgramUserEndpoint(AuthorizeMiniProgramUserUseCase useCase, ShopxoUserRoutes shopxo)
        implements LoginEndpoint {
    public static final String ROUTE = "user/appminiuserauth";

    @Override
    public ApiResult handle(ApiRequest request) {
        String code = request.text("authcode", request.text("code"));
        Platform platform = shopxo.platformOf(request, "UserAuth");
        AuthorizationOutcome outcome = useCase.authorize(new AuthorizeMiniProgramUserCommand(
                shopxo.systemType(request), platform, code, request.text("referrer"), request.clientAddress()));
        return shopxo.answers().authorization(outcome, request);
    }
}
