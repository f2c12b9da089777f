package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.domain.user.LoginRefusal;

import java.util.Map;

/**
 * The user routes answered as ShopXO v3 to v6.7 answer them (docs/contract.md): their messages, in English when
 * the client asks for it, their codes, and their views of a user.
 */
final class ShopxoV6Answers implements UserAnswers {
    private final ShopxoV6UserViewMapper views;

    ShopxoV6Answers(WebSettings settings) {
        this.views = new ShopxoV6UserViewMapper(settings);
    }

    @Override
    public String text(ShopxoText text, ApiRequest request) {
        return text.in(Language.of(request));
    }

    @Override
    public ApiResult profileLogin(LoginOutcome outcome, ApiRequest request) {
        return login(outcome, request, ShopxoText.AUTHORIZED, Map.of());
    }

    @Override
    public ApiResult authorization(AuthorizationOutcome outcome, ApiRequest request) {
        Language language = Language.of(request);
        if (outcome instanceof AuthorizationOutcome.Unrecognized unknown) {
            return ApiResult.success(ShopxoText.AUTH_LOGIN_SUCCEEDED.in(language),
                    NewcomerView.of(unknown.identity()));
        }
        if (outcome instanceof AuthorizationOutcome.MobileRequired required) {
            return ApiResult.success(ShopxoText.AUTHORIZED.in(language),
                    ShopxoV6ProvisionalUserViewMapper.view(required.user()));
        }
        LoginOutcome login = ((AuthorizationOutcome.Recognized) outcome).outcome();
        boolean registered = login instanceof LoginOutcome.LoggedIn loggedIn && loggedIn.kind() == LoginKind.REGISTERED;
        ShopxoText success = registered ? ShopxoText.AUTHORIZED : ShopxoText.AUTH_LOGIN_SUCCEEDED;
        return login(login, request, success, Map.of("is_user_exist", 1));
    }

    @Override
    public ApiResult mobileLogin(LoginOutcome outcome, ApiRequest request) {
        Language language = Language.of(request);
        if (outcome instanceof LoginOutcome.Refused) {
            // ShopXO refuses any status but 0 here with one answer.
            return ApiResult.error(ApiResult.USER_NOT_AUDITED, ShopxoText.USER_NOT_APPROVED.in(language));
        }
        boolean bound = outcome instanceof LoginOutcome.LoggedIn loggedIn
                && (loggedIn.kind() == LoginKind.BOUND_BY_MOBILE || loggedIn.kind() == LoginKind.BOUND_BY_UNIONID);
        return login(outcome, request, bound ? ShopxoText.BOUND : ShopxoText.AUTHORIZED, Map.of());
    }

    @Override
    public ApiResult session(TokenLookup lookup, ApiRequest request) {
        Language language = Language.of(request);
        if (lookup instanceof TokenLookup.Valid valid) {
            return ApiResult.success("success", views.sessionView(valid.user(), request.baseUrl(), language));
        }
        if (lookup instanceof TokenLookup.Refused refused) {
            return refusal(refused.refusal(), language);
        }
        return ApiResult.failed(ShopxoText.USER_NOT_FOUND.in(language));
    }

    /** How every login ends on the wire; only the success message and the extra fields differ per route. */
    private ApiResult login(LoginOutcome outcome, ApiRequest request, ShopxoText success, Map<String, Object> extra) {
        Language language = Language.of(request);
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            Map<String, Object> view = views.loginView(loggedIn.user(), request.baseUrl(), language);
            view.putAll(extra);
            return ApiResult.success(success.in(language), view);
        }
        if (outcome instanceof LoginOutcome.Refused refused) {
            return refusal(refused.refusal(), language);
        }
        if (outcome instanceof LoginOutcome.RegisteredAwaitingAudit) {
            return ApiResult.error(ApiResult.USER_STATE_FORBIDS_LOGIN, ShopxoText.USER_NOT_APPROVED.in(language));
        }
        if (outcome instanceof LoginOutcome.MobileBindingRequired required) {
            return ApiResult.success(ShopxoText.AUTHORIZED.in(language),
                    ShopxoV6ProvisionalUserViewMapper.view(required.user()));
        }
        throw new IllegalStateException("unknown login outcome " + outcome);
    }

    private static ApiResult refusal(LoginRefusal refusal, Language language) {
        ShopxoText text = switch (refusal) {
            case MUTED -> ShopxoText.USER_MUTED;
            case BANNED -> ShopxoText.USER_BANNED;
            case AWAITING_AUDIT -> ShopxoText.USER_AWAITING_REVIEW;
            case UNKNOWN_STATUS -> ShopxoText.USER_STATUS_INCORRECT;
            case NOT_AUDITED -> ShopxoText.USER_NOT_APPROVED;
        };
        int code = refusal == LoginRefusal.NOT_AUDITED ? ApiResult.USER_NOT_AUDITED : ApiResult.USER_STATE_FORBIDS_LOGIN;
        return ApiResult.error(code, text.in(language));
    }
}
