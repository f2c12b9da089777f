package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.TokenLookup;

/**
 * How one ShopXO answers the user routes: the envelope, message, code and user view of every outcome. Wire format
 * only; what happened was decided by the use case.
 */
interface UserAnswers {

    /** A text of ShopXO's in the language this request is answered in. */
    String text(ShopxoText text, ApiRequest request);

    /** {@code appminiuserinfo}: a login with the profile the client shares. */
    ApiResult profileLogin(LoginOutcome outcome, ApiRequest request);

    /** {@code appminiuserauth}: a login with the platform's login code. */
    ApiResult authorization(AuthorizationOutcome outcome, ApiRequest request);

    /** {@code onekeyusermobilebind} and {@code userbasereg}: a login with a mobile the platform verified. */
    ApiResult mobileLogin(LoginOutcome outcome, ApiRequest request);

    /** {@code tokenuserinfo}: what a token is worth. */
    ApiResult session(TokenLookup lookup, ApiRequest request);
}
