package io.minipass.application.port.in;

/** A mini-program user proves their mobile number with one tap and logs in with it. */
public interface BindMobileUseCase {
    LoginOutcome bindMobile(BindMobileCommand command);
}
