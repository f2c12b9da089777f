package io.minipass.application.service;

import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.RegisterWithMobileCommand;
import io.minipass.application.port.in.RegisterWithMobileUseCase;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.application.service.MobileSignIn.MobileLogin;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.PlatformIdentity;

/**
 * A registration that names a mobile: only one the platform verified for this openid lately counts, once; then
 * {@link MobileSignIn}'s rules log the user in, with the profile the user filled in for a newcomer. A client
 * signed in as the openid's user needs no login proof: its token stands in for it.
 */
public final class RegisterWithMobileService implements RegisterWithMobileUseCase {
    static final String MOBILE_NOT_VERIFIED = "手机号码未验证，请重新获取";

    private final MobileSignIn mobileSignIn;
    private final ClientIdentities identities;
    private final VerifiedMobilePort verified;
    private final TokenProofs tokenProofs;

    RegisterWithMobileService(MobileSignIn mobileSignIn, ClientIdentities identities, TokenProofs tokenProofs,
                              VerifiedMobilePort verified) {
        this.mobileSignIn = mobileSignIn;
        this.identities = identities;
        this.tokenProofs = tokenProofs;
        this.verified = verified;
    }

    @Override
    public LoginOutcome register(RegisterWithMobileCommand command) {
        ClaimedIdentity identity = identities.claim(command.identity(),
                () -> tokenProofs.proves(command.token(), command.systemType(), command.identity(), command.from()));
        String mobile = command.mobile();
        PlatformIdentity claimed = command.identity();
        if (!VerifiedMobiles.hasMobileShape(mobile) || !verified.consume(claimed.platform(), claimed.openId(),
                mobile)) {
            throw new InvalidInputException(MOBILE_NOT_VERIFIED);
        }
        LoginIdentity login = new LoginIdentity(command.systemType(), identity.identity());
        return mobileSignIn.signIn(new MobileLogin(login, identity, mobile, command.profile(), command.referrer(),
                command.from()));
    }
}
