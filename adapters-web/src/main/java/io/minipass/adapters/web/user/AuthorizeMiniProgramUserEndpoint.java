package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.AuthorizeMiniProgramUserUseCase;
import io.minipass.domain.user.Platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code user/appminiuserauth}: the client trades its platform login code for the user (docs/contract.md#appminiuserauth). */
public final class AuthorizeMiniProgramUserEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/appminiuserauth";
    static final String SUCCESS = "授权登录成功";

    private final AuthorizeMiniProgramUserUseCase useCase;
    private final LoginOutcomeAnswers answers;

    public AuthorizeMiniProgramUserEndpoint(AuthorizeMiniProgramUserUseCase useCase, LoginOutcomeAnswers answers) {
        this.useCase = useCase;
        this.answers = answers;
    }

    @Override
    public boolean readsPostOnly() {
        return true;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = ShopxoMethodName.platformOf(request, "UserAuth");
        String code = request.isEmpty("authcode") ? request.text("code") : request.text("authcode");
        AuthorizationOutcome outcome = useCase.authorize(
                new AuthorizeMiniProgramUserCommand(platform, code, request.text("referrer"), request.clientAddress()));
        if (outcome instanceof AuthorizationOutcome.Unrecognized unknown) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("is_user_exist", 0);
            data.put("openid", unknown.openId().value());
            unknown.unionId().ifPresent(unionId -> data.put("unionid", unionId.value()));
            return ApiResult.success(SUCCESS, data);
        }
        AuthorizationOutcome.Recognized known = (AuthorizationOutcome.Recognized) outcome;
        return answers.answer(known.outcome(), request.baseUrl(), SUCCESS, Map.of("is_user_exist", 1));
    }
}
