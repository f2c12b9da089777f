package io.minipass.application.service;

import io.minipass.application.port.in.AuthData;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.AuthDataProfileReader;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;

import java.util.Map;
import java.util.Optional;

/**
 * Finds or creates the shop user behind a mini-program openid and logs them in:
 * returning user by openid, else a same-platform user by unionid (binding the openid),
 * else a new registration. Losing a race for an openid means looking it up again.
 */
public final class LogInMiniProgramUserService implements LogInMiniProgramUserUseCase {
    static final String UNPROVEN_OPENID = "授权已失效，请重新授权";

    private final UserSignIn signIn;
    private final DecryptUserDataPort decryptUserData;
    private final ReferrerResolver referrers;
    private final LoginCodeProofPort proofs;

    public LogInMiniProgramUserService(UserSignIn signIn, DecryptUserDataPort decryptUserData, ReferrerResolver referrers,
                                       LoginCodeProofPort proofs) {
        this.signIn = signIn;
        this.decryptUserData = decryptUserData;
        this.referrers = referrers;
        this.proofs = proofs;
    }

    @Override
    public LoginOutcome logIn(LogInMiniProgramUserCommand command) {
        if (signIn.settings().requireLoginProof() && !proofs.wasExchanged(command.platform(), command.openId())) {
            throw new InvalidInputException(UNPROVEN_OPENID);
        }
        Profile profile = readProfile(command);
        return UserSignIn.retryingLostRaces(() -> signIn.logInKnown(command.platform(), command.openId(), command.unionId())
                .orElseGet(() -> register(command, profile)));
    }

    private LoginOutcome register(LogInMiniProgramUserCommand command, Profile profile) {
        long referrer = referrers.resolve(command.referrer());
        if (signIn.settings().mandatoryMobileBinding()) {
            Optional<UnionId> unionId = command.platform().hasUnionId() ? command.unionId() : Optional.empty();
            return new LoginOutcome.MobileBindingRequired(new ProvisionalUser(
                    command.platform(), command.openId(), unionId, profile, referrer));
        }
        return signIn.register(command.platform(), command.openId(), command.unionId(), profile, "", referrer);
    }

    /** Baidu and QQ send the profile encrypted with the session key of this openid's code exchange. */
    private Profile readProfile(LogInMiniProgramUserCommand command) {
        Platform platform = command.platform();
        AuthData authData = command.authData();
        if (platform != Platform.BAIDU && platform != Platform.QQ) {
            return AuthDataProfileReader.read(platform, authData.fields());
        }
        String encryptedData = authData.text("encrypted_data");
        if (encryptedData.isEmpty()) {
            throw new InvalidInputException("解密数据为空");
        }
        String iv = authData.text("iv");
        if (iv.isEmpty()) {
            throw new InvalidInputException("iv为空,请重试");
        }
        Map<String, Object> decrypted = decryptUserData.decrypt(platform, command.openId(), encryptedData, iv);
        return AuthDataProfileReader.read(platform, decrypted);
    }
}
