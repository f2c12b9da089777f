package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.domain.user.LoginRefusal;

import java.util.LinkedHashMap;
import java.util.Map;

/** How every login route answers a login outcome as ShopXO v2.2 does; only the success message differs per route. */
public final class LoginOutcomeAnswers {
    private final UserViewMapper views;

    public LoginOutcomeAnswers(UserViewMapper views) {
        this.views = views;
    }

    public UserViewMapper views() {
        return views;
    }

    /**
     * @param successMsg what a successful login says on this route
     * @param extra      fields appended to a logged-in user's view (e.g. {@code is_user_exist})
     */
    public ApiResult answer(LoginOutcome outcome, String baseUrl, String successMsg, Map<String, Object> extra) {
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            Map<String, Object> view = new LinkedHashMap<>(views.view(loggedIn.user(), baseUrl));
            view.putAll(extra);
            return ApiResult.success(successMsg, view);
        }
        if (outcome instanceof LoginOutcome.Refused refused) {
            return refusal(refused.refusal());
        }
        if (outcome instanceof LoginOutcome.RegisteredAwaitingAudit) {
            return refusal(LoginRefusal.AWAITING_AUDIT);
        }
        if (outcome instanceof LoginOutcome.MobileBindingRequired required) {
            return ApiResult.success(successMsg, views.provisionalView(required.user(), baseUrl));
        }
        throw new IllegalStateException("unknown login outcome " + outcome);
    }

    public static ApiResult refusal(LoginRefusal refusal) {
        int code = refusal == LoginRefusal.NOT_AUDITED ? ApiResult.USER_NOT_AUDITED : ApiResult.USER_STATE_FORBIDS_LOGIN;
        return ApiResult.error(code, refusal.message());
    }
}
