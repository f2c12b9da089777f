package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.TokenLookup;

/**
 * {@code user/tokenuserinfo}: the user a token belongs to, or -400 so the client logs in again.
 * Messages as ShopXO's: {@code success}, and {@code token不能为空} when no token was sent.
 */
public final class TokenUserInfoEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/tokenuserinfo";
    static final String TOKEN_INVALID = "登录失效，请重新登录";

    private final ResumeSessionUseCase useCase;
    private final UserViewMapper views;

    public TokenUserInfoEndpoint(ResumeSessionUseCase useCase, UserViewMapper views) {
        this.useCase = useCase;
        this.views = views;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        if (request.isEmpty("token")) {
            return ApiResult.failed("token不能为空");
        }
        TokenLookup lookup = useCase.resume(request.scalar("token").orElse(""), request.clientAddress());
        if (lookup instanceof TokenLookup.Valid valid) {
            return ApiResult.success("success", views.view(valid.user(), request.baseUrl()));
        }
        if (lookup instanceof TokenLookup.Refused refused) {
            return LoginOutcomeAnswers.refusal(refused.refusal());
        }
        return ApiResult.error(ApiResult.TOKEN_INVALID, TOKEN_INVALID);
    }
}
