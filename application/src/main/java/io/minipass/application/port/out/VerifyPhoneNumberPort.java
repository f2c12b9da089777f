package io.minipass.application.port.out;

import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/** Turns a platform's phone proof into the mobile number the platform vouches for. */
public interface VerifyPhoneNumberPort {

    /**
     * @return the mobile number without country code for mainland numbers
     * @throws PlatformCallFailedException when the platform refuses the proof or cannot be reached
     * @throws io.minipass.domain.user.InvalidInputException when the proof is missing, does not open or
     *                                                      the platform has no phone API
     */
    String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof);
}
