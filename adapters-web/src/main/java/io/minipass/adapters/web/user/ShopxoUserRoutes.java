package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;

/**
 * One ShopXO's way with the user routes: where it reads the client from and how it words and answers them. The
 * checks the routes share live here; a refusal is thrown as the {@link InvalidInputException} the dispatcher answers
 * {@code -1} with its message (docs/design.md, ADR-47), so an endpoint holds only what it reads itself.
 */
record ShopxoUserRoutes(ClientChannels channels, UserAnswers answers) {

    /** @throws InvalidInputException in ShopXO's words for {@code missing} when {@code key} is empty (PHP's empty()) */
    void require(ApiRequest request, String key, ShopxoText missing) {
        if (request.isEmpty(key)) {
            throw new InvalidInputException(answers.text(missing, request));
        }
    }

    /** @throws InvalidInputException ShopXO's answer for a missing per-platform method ({@code methodSuffix}) */
    Platform platformOf(ApiRequest request, String methodSuffix) {
        return channels.platformOf(request, methodSuffix);
    }

    /** @throws InvalidInputException when the client type names no mini-program platform: no one-touch mobile login */
    Platform oneTouchPlatform(ApiRequest request) {
        return channels.platform(request).orElseThrow(() -> new InvalidInputException(
                ShopxoMethodName.echoed(channels.clientType(request)) + answers.text(ShopxoText.NO_ONE_TOUCH_LOGIN, request)));
    }

    SystemType systemType(ApiRequest request) {
        return channels.systemType(request);
    }
}
