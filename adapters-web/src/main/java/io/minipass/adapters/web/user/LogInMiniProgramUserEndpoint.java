package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.ProfileData;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;

import java.util.Map;
import java.util.Optional;

/** {@code user/appminiuserinfo}: a mini-program user logs in with the profile they share (docs/contract.md#appminiuserinfo). */
public final class LogInMiniProgramUserEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/appminiuserinfo";

    private final LogInMiniProgramUserUseCase useCase;
    private final LoginOutcomeAnswers answers;

    public LogInMiniProgramUserEndpoint(LogInMiniProgramUserUseCase useCase, LoginOutcomeAnswers answers) {
        this.useCase = useCase;
        this.answers = answers;
    }

    @Override
    public boolean readsPostOnly() {
        return true;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = ShopxoMethodName.platformOf(request, "UserInfo");
        if (request.isEmpty("openid")) {
            return ApiResult.failed("openid为空");
        }
        if (request.isEmpty("auth_data")) {
            return ApiResult.failed("授权数据为空");
        }
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, "unionid");
        ProfileData profile = AuthDataReader.read(platform, request.value("auth_data"));
        LoginOutcome outcome = useCase.logIn(new LogInMiniProgramUserCommand(
                platform, openId, unionId, profile, request.text("referrer"), request.clientAddress()));
        return answers.answer(outcome, request.baseUrl(), successMessage(outcome), Map.of());
    }

    private static String successMessage(LoginOutcome outcome) {
        boolean bound = outcome instanceof LoginOutcome.LoggedIn loggedIn
                && loggedIn.kind() == LoginOutcome.LoginKind.BOUND_BY_UNIONID;
        return bound ? "绑定成功" : "授权成功";
    }
}
