package io.minipass.application.port.in;

/** A mini-program user logs into the shop with the profile they share ({@code user/appminiuserinfo}). */
public interface LogInMiniProgramUserUseCase {
    LoginOutcome logIn(LogInMiniProgramUserCommand command);
}
