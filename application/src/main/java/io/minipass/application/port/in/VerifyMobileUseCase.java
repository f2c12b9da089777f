package io.minipass.application.port.in;

/**
 * A mini-program user proves their mobile number with the platform's phone button, to register with it next
 * ({@code user/onekeyusermobiledecrypt}): nobody logs in yet.
 */
public interface VerifyMobileUseCase {
    /** @return the mobile the platform vouches for, remembered for a registration of this openid that names it */
    String verifyMobile(VerifyMobileCommand command);
}
