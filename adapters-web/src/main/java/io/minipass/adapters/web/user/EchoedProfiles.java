package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Profile;

/**
 * The profile a client sends back with a verified mobile: the provisional user it was shown, or what the user filled
 * in, under the view's own keys and in the shop's own gender codes (0, 1, 2; anything else 0).
 */
final class EchoedProfiles {
    private EchoedProfiles() {
    }

    static Profile read(ApiRequest request) {
        return new Profile(request.text("nickname"), request.text("avatar"), gender(request.text("gender")),
                request.text("province"), request.text("city"));
    }

    private static Gender gender(String code) {
        try {
            return Gender.fromCode(Long.parseLong(code.trim()));
        } catch (NumberFormatException notANumber) {
            return Gender.SECRET;
        }
    }
}
