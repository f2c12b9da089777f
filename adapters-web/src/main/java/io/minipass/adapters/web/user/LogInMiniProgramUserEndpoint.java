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
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/** {@code user/appminiuserinfo}: a mini-program user logs in with the profile they share (docs/contract.md#appminiuserinfo). */
public final class LogInMiniProgramUserEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/appminiuserinfo";

    private final LogInMiniProgramUserUseCase useCase;
    private final ClientChannels channels;
    private final UserAnswers answers;

    LogInMiniProgramUserEndpoint(LogInMiniProgramUserUseCase useCase, ClientChannels channels, UserAnswers answers) {
        this.useCase = useCase;
        this.channels = channels;
        this.answers = answers;
    }

    @Override
    public boolean readsPostOnly() {
        return true;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = channels.platformOf(request, "UserInfo");
        if (request.isEmpty("openid")) {
            return ApiResult.failed(answers.text(ShopxoText.OPENID_EMPTY, request));
        }
        if (request.isEmpty("auth_data")) {
            return ApiResult.failed(answers.text(ShopxoText.AUTH_DATA_EMPTY, request));
        }
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, "unionid");
        ProfileData profile = AuthDataReader.read(platform, request.value("auth_data"));
        SystemType systemType = channels.systemType(request);
        LoginOutcome outcome = useCase.logIn(new LogInMiniProgramUserCommand(
                systemType, new PlatformIdentity(platform, openId, unionId), profile, request.text("referrer"),
                request.clientAddress()));
        return answers.profileLogin(outcome, request);
    }
}
