package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.AuthorizeMiniProgramUserUseCase;
import io.minipass.domain.user.Platform;

/** {@code user/appminiuserauth}: the client trades its platform login code for the user (docs/contract.md#appminiuserauth). */
public final class AuthorizeMiniProgramUserEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/appminiuserauth";

    private final AuthorizeMiniProgramUserUseCase useCase;
    private final ClientChannels channels;
    private final UserAnswers answers;

    AuthorizeMiniProgramUserEndpoint(AuthorizeMiniProgramUserUseCase useCase, ClientChannels channels,
                                     UserAnswers answers) {
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
        Platform platform = channels.platformOf(request, "UserAuth");
        String code = request.isEmpty("authcode") ? request.text("code") : request.text("authcode");
        AuthorizationOutcome outcome = useCase.authorize(new AuthorizeMiniProgramUserCommand(
                channels.systemType(request), platform, code, request.text("referrer"), request.clientAddress()));
        return answers.authorization(outcome, request);
    }
}
