package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.service.LoginUseCases;

import java.util.Map;

/** The user routes, by route name, as the ShopXO the shop runs answers them. */
public final class UserEndpoints {
    private UserEndpoints() {
    }

    /**
     * @return ShopXO v2.2's four routes ({@code appminiuserinfo}, {@code appminiuserauth}, {@code tokenuserinfo},
     *         {@code onekeyusermobilebind}); for v3 and later also {@code onekeyusermobiledecrypt} and
     *         {@code userbasereg}
     */
    public static Map<String, ApiEndpoint> create(ShopxoDialect dialect, LoginUseCases useCases, WebSettings settings) {
        return switch (dialect) {
            case V2 -> shopxoV2(useCases, settings);
            case V6 -> shopxoV6(useCases, settings);
        };
    }

    private static Map<String, ApiEndpoint> shopxoV2(LoginUseCases useCases, WebSettings settings) {
        ShopxoUserRoutes shopxo = new ShopxoUserRoutes(ClientChannels.SHOPXO_V2,
                new ShopxoV2Answers(new LoginOutcomeAnswers(new UserViewMapper(settings))));
        return Map.of(
                LogInMiniProgramUserEndpoint.ROUTE, new LogInMiniProgramUserEndpoint(useCases.logIn(), shopxo),
                AuthorizeMiniProgramUserEndpoint.ROUTE, new AuthorizeMiniProgramUserEndpoint(useCases.authorize(), shopxo),
                TokenUserInfoEndpoint.ROUTE, new TokenUserInfoEndpoint(useCases.resumeSession(), shopxo),
                BindMobileEndpoint.ROUTE, new BindMobileEndpoint(useCases.bindMobile(), shopxo));
    }

    private static Map<String, ApiEndpoint> shopxoV6(LoginUseCases useCases, WebSettings settings) {
        ShopxoUserRoutes shopxo = new ShopxoUserRoutes(ClientChannels.SHOPXO_V6, new ShopxoV6Answers(settings));
        return Map.of(
                LogInMiniProgramUserEndpoint.ROUTE, ShopxoV6Failures.of(
                        new LogInMiniProgramUserEndpoint(useCases.logIn(), shopxo)),
                AuthorizeMiniProgramUserEndpoint.ROUTE, ShopxoV6Failures.of(
                        new AuthorizeMiniProgramUserEndpoint(useCases.authorize(), shopxo)),
                TokenUserInfoEndpoint.ROUTE, ShopxoV6Failures.of(new TokenUserInfoEndpoint(useCases.resumeSession(), shopxo)),
                BindMobileEndpoint.ROUTE, ShopxoV6Failures.storingMobiles(new BindMobileEndpoint(useCases.bindMobile(), shopxo)),
                VerifyMobileEndpoint.ROUTE, ShopxoV6Failures.of(new VerifyMobileEndpoint(useCases.verifyMobile(), shopxo)),
                RegisterWithMobileEndpoint.ROUTE, ShopxoV6Failures.storingMobiles(
                        new RegisterWithMobileEndpoint(useCases.registerWithMobile(), shopxo)));
    }
}
