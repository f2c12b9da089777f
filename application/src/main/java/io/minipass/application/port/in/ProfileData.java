package io.minipass.application.port.in;

import io.minipass.domain.user.Profile;

import java.util.Objects;

/**
 * What a client shares about the user: the profile itself, or (Baidu, QQ) the profile sealed with the
 * session key of the openid's code exchange, which the service opens.
 */
public sealed interface ProfileData {

    /** The profile as the client sent it in the clear; {@code {}} is an empty profile. */
    record Plain(Profile profile) implements ProfileData {
        public Plain {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** The platform's sealed user data and its iv, both present. */
    record Sealed(String encryptedData, String iv) implements ProfileData {
        public Sealed {
            Objects.requireNonNull(encryptedData, "encryptedData");
            Objects.requireNonNull(iv, "iv");
        }

        @Override
        public String toString() {
            return "Sealed[" + encryptedData.length() + " characters]";
        }
    }
}
