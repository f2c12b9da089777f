package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.BindMobileUseCase;
import io.minipass.application.port.in.PhoneProof;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;

import java.util.Map;
import java.util.Optional;

/**
 * {@code user/onekeyusermobilebind}: the client proves the user's mobile with the platform's phone
 * button and sends back the provisional profile it was given (docs/contract.md#onekeyusermobilebind).
 */
public final class BindMobileEndpoint implements ApiEndpoint {
    public static final String ROUTE = "user/onekeyusermobilebind";

    private final BindMobileUseCase useCase;
    private final LoginOutcomeAnswers answers;

    public BindMobileEndpoint(BindMobileUseCase useCase, LoginOutcomeAnswers answers) {
        this.useCase = useCase;
        this.answers = answers;
    }

    @Override
    public boolean readsPostOnly() {
        return true;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        Platform platform = ShopxoMethodName.platformOf(request, "UserMobileBind");
        if (request.isEmpty("openid")) {
            return ApiResult.failed("openid为空");
        }
        OpenId openId = ClientIds.openId(request);
        Optional<UnionId> unionId = ClientIds.unionId(request, platform.clientType() + "_unionid");
        Profile profile = new Profile(request.text("nickname"), request.text("avatar"), gender(request.text("gender")),
                request.text("province"), request.text("city"));
        PhoneProof proof = new PhoneProof(request.text("code"), request.text("encrypted_data"), request.text("iv"));
        return answers.answer(useCase.bindMobile(new BindMobileCommand(platform, openId, unionId, profile,
                request.text("referrer"), proof, request.clientAddress())), request.baseUrl(), "绑定成功", Map.of());
    }

    /** The client sends back the gender of the provisional view, already in the shop's codes. */
    private static Gender gender(String code) {
        try {
            return Gender.fromCode(Long.parseLong(code.trim()));
        } catch (NumberFormatException notANumber) {
            return Gender.SECRET;
        }
    }
}
