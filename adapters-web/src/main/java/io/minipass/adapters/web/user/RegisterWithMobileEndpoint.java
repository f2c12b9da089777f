package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.RegisterWithMobileCommand;
import io.minipass.application.port.in.RegisterWithMobileUseCase;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code user/userbasereg} (ShopXO v6.4 and later): the user registers with the avatar and nickname they chose and
 * the mobile {@link VerifyMobileEndpoint} verified a moment before; a user already holding the mobile or the openid
 * logs in as a mobile binding would.
 */
public final class RegisterWithMobileEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/userbasereg";
    /** Required, checked in this order as ShopXO checks them. */
    private static final List<Map.Entry<String, ShopxoText>> REQUIRED = List.of(
            Map.entry("openid", ShopxoText.OPENID_EMPTY),
            Map.entry("avatar", ShopxoText.AVATAR_EMPTY),
            Map.entry("nickname", ShopxoText.NICKNAME_LENGTH),
            Map.entry("mobile", ShopxoText.MOBILE_EMPTY));

    private final RegisterWithMobileUseCase useCase;
    private final ClientChannels channels;
    private final UserAnswers answers;

    RegisterWithMobileEndpoint(RegisterWithMobileUseCase useCase, ClientChannels channels, UserAnswers answers) {
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
        for (Map.Entry<String, ShopxoText> required : REQUIRED) {
            if (request.isEmpty(required.getKey())) {
                return ApiResult.failed(answers.text(required.getValue(), request));
            }
        }
        Optional<Platform> platform = channels.platform(request);
        if (platform.isEmpty()) {
            return answers.noOneTouchLogin(channels.clientType(request), request);
        }
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, platform.get().clientType() + "_unionid");
        LoginOutcome outcome = useCase.register(new RegisterWithMobileCommand(channels.systemType(request),
                new PlatformIdentity(platform.get(), openId,
                        unionId), EchoedProfiles.read(request), request.text("mobile"),
                request.text("referrer"), request.clientAddress(), request.token()));
        return answers.mobileLogin(outcome, request);
    }
}
