package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.TokenLookup;

/**
 * {@code user/tokenuserinfo}: the user a token belongs to, or an error that makes the client log in again
 * (docs/contract.md#tokenuserinfo). Messages as ShopXO's: {@code success}, and {@code token不能为空} when no token
 * was sent.
 */
public record TokenUserInfoEndpoint(ResumeSessionUseCase useCase, ShopxoUserRoutes shopxo) implements ApiEndpoint {
    public static final String ROUTE = "user/tokenuserinfo";

    @Override
    public ApiResult handle(ApiRequest request) {
        shopxo.require(request, "token", ShopxoText.TOKEN_EMPTY);
        TokenLookup lookup = useCase.resume(request.token(), request.clientAddress());
        return shopxo.answers().session(lookup, request);
    }
}
