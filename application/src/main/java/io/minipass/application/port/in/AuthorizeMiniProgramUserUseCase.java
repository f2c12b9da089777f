package io.minipass.application.port.in;

/** A mini-program client trades its login code for the user's identity ({@code user/appminiuserauth}). */
public interface AuthorizeMiniProgramUserUseCase {
    AuthorizationOutcome authorize(AuthorizeMiniProgramUserCommand command);
}
