package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.application.port.in.TokenLookup;

import java.util.Map;

/** The user routes answered as ShopXO v2.2 answers them, in Chinese whatever the client asks (docs/contract.md). */
final class ShopxoV2Answers implements UserAnswers {
    static final String TOKEN_INVALID = "登录失效，请重新登录";

    private final LoginOutcomeAnswers answers;

    ShopxoV2Answers(LoginOutcomeAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String text(ShopxoText text, ApiRequest request) {
        return text.chinese();
    }

    @Override
    public ApiResult profileLogin(LoginOutcome outcome, ApiRequest request) {
        boolean bound = outcome instanceof LoginOutcome.LoggedIn loggedIn
                && loggedIn.kind() == LoginOutcome.LoginKind.BOUND_BY_UNIONID;
        ShopxoText success = bound ? ShopxoText.BOUND : ShopxoText.AUTHORIZED;
        return answers.answer(outcome, request.baseUrl(), success.chinese(), Map.of());
    }

    @Override
    public ApiResult authorization(AuthorizationOutcome outcome, ApiRequest request) {
        String success = ShopxoText.AUTH_LOGIN_SUCCEEDED.chinese();
        if (outcome instanceof AuthorizationOutcome.Recognized known) {
            return answers.answer(known.outcome(), request.baseUrl(), success, Map.of("is_user_exist", 1));
        }
        if (outcome instanceof AuthorizationOutcome.Unrecognized unknown) {
            return ApiResult.success(success, NewcomerView.of(unknown.identity()));
        }
        // ShopXO v2.2 registers nobody here before a mobile is bound: the client is told who it is, as any newcomer.
        ProvisionalUser provisional = ((AuthorizationOutcome.MobileRequired) outcome).user();
        return ApiResult.success(success, NewcomerView.of(provisional.identity()));
    }

    @Override
    public ApiResult mobileLogin(LoginOutcome outcome, ApiRequest request) {
        return answers.answer(outcome, request.baseUrl(), ShopxoText.BOUND.chinese(), Map.of());
    }

    @Override
    public ApiResult session(TokenLookup lookup, ApiRequest request) {
        if (lookup instanceof TokenLookup.Valid valid) {
            return ApiResult.success("success", answers.views().view(valid.user(), request.baseUrl()));
        }
        if (lookup instanceof TokenLookup.Refused refused) {
            return LoginOutcomeAnswers.refusal(refused.refusal());
        }
        return ApiResult.error(ApiResult.TOKEN_INVALID, TOKEN_INVALID);
    }
}
