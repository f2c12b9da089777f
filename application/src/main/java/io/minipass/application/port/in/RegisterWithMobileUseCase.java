package io.minipass.application.port.in;

/**
 * A mini-program user registers with the mobile they just verified, their nickname and avatar
 * ({@code user/userbasereg}); a user who holds the mobile or the openid already is logged in as a mobile binding
 * would log them in.
 */
public interface RegisterWithMobileUseCase {
    LoginOutcome register(RegisterWithMobileCommand command);
}
