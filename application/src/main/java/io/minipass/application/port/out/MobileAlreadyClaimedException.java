package io.minipass.application.port.out;

/**
 * Another live user holds this mobile: the caller lost a race (or the shop gave the number to
 * someone else) and should look the holder up again. The message never holds the number.
 */
public class MobileAlreadyClaimedException extends RuntimeException {
    public MobileAlreadyClaimedException() {
        super("mobile already claimed by another user");
    }
}
