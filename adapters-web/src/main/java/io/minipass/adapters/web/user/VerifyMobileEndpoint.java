package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.in.VerifyMobileUseCase;
import io.minipass.domain.user.Platform;

import java.util.Optional;

/**
 * {@code user/onekeyusermobiledecrypt} (ShopXO v6.4 and later): the client proves the user's mobile with the
 * platform's phone button and is told the mobile, to register with it next ({@link RegisterWithMobileEndpoint}).
 */
public final class VerifyMobileEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/onekeyusermobiledecrypt";

    private final VerifyMobileUseCase useCase;
    private final ClientChannels channels;
    private final UserAnswers answers;

    VerifyMobileEndpoint(VerifyMobileUseCase useCase, ClientChannels channels, UserAnswers answers) {
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
        if (request.isEmpty("openid")) {
            return ApiResult.failed(answers.text(ShopxoText.OPENID_EMPTY, request));
        }
        Optional<Platform> platform = channels.platform(request);
        if (platform.isEmpty()) {
            return answers.noOneTouchLogin(channels.clientType(request), request);
        }
        String mobile = useCase.verifyMobile(new VerifyMobileCommand(channels.systemType(request), platform.get(),
                ClientIds.openId(request), PhoneProofs.read(request), request.clientAddress(),
                request.token()));
        return ApiResult.success("success", mobile);
    }
}
