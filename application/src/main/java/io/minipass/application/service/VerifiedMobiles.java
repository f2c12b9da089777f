package io.minipass.application.service;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.PhoneProof;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/** Turns a client's phone proof into the mobile its platform vouches for, counting proofs that fail to open. */
final class VerifiedMobiles {
    private static final String MOBILE_MALFORMED = "手机号码格式有误";

    private final VerifyPhoneNumberPort phoneNumbers;
    private final FailedDecryptions failedDecryptions;

    VerifiedMobiles(VerifyPhoneNumberPort phoneNumbers, FailedDecryptions failedDecryptions) {
        this.phoneNumbers = phoneNumbers;
        this.failedDecryptions = failedDecryptions;
    }

    /** @throws InvalidInputException when the proof does not open or the platform vouches for no mobile number */
    String verify(Platform platform, OpenId openId, PhoneProof proof, ClientAddress from) {
        String mobile = failedDecryptions.open(platform, openId, from,
                () -> phoneNumbers.verifiedMobile(platform, openId, proof));
        return requireMobileShape(mobile);
    }

    /** @throws InvalidInputException unless the mobile {@linkplain #hasMobileShape has a mobile's shape} */
    static String requireMobileShape(String mobile) {
        if (!hasMobileShape(mobile)) {
            throw new InvalidInputException(MOBILE_MALFORMED);
        }
        return mobile;
    }

    /** Mainland numbers and the short ones some test accounts have, digits only. */
    static boolean hasMobileShape(String mobile) {
        return mobile != null && mobile.matches("\\d{5,11}");
    }
}
