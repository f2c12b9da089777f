package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.domain.user.PhoneProof;

/** What a client sends to prove a mobile: WeChat's {@code code}, else {@code encrypted_data} and {@code iv}. */
final class PhoneProofs {
    private PhoneProofs() {
    }

    static PhoneProof read(ApiRequest request) {
        return new PhoneProof(request.text("code"), request.text("encrypted_data"), request.text("iv"));
    }
}
