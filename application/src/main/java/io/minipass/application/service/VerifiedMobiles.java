package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/**
 * Turns a client's phone proof into the mobile its platform vouches for. Each verification is budgeted before it
 * runs, as code exchanges are; proofs the platform refuses or that do not open are counted, and the openid's
 * last failure allowed spends its login proof, so one proof buys only a few failing platform calls
 * (docs/security.md#phone-verification).
 */
record VerifiedMobiles(VerifyPhoneNumberPort phoneNumbers, FailedDecryptions failedDecryptions,
                       AttemptBudgets budgets) {
    private static final String MOBILE_MALFORMED = "手机号码格式有误";

    /**
     * @throws io.minipass.application.port.in.OverBudgetException when the address or openid may try no more now
     * @throws InvalidInputException when the proof does not open or the platform vouches for no mobile number
     */
    String verify(ClaimedIdentity identity, PhoneProof proof, ClientAddress from) {
        Platform platform = identity.identity().platform();
        OpenId openId = identity.identity().openId();
        budgets.requireRemaining(Attempt.FAILED_PHONE_VERIFICATION, from, platform, openId);
        budgets.spend(Attempt.PHONE_VERIFICATION, from, platform, openId);
        String mobile;
        try {
            mobile = failedDecryptions.open(platform, openId, from,
                    () -> phoneNumbers.verifiedMobile(platform, openId, proof));
        } catch (PlatformCallFailedException | UserDataRefusedException refused) {
            budgets.recordFailure(Attempt.FAILED_PHONE_VERIFICATION, from, platform, openId);
            if (!budgets.hasRemaining(Attempt.FAILED_PHONE_VERIFICATION, platform, openId)) {
                identity.forfeitProof();
            }
            throw refused;
        }
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
