package io.minipass.application.service;

import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.in.VerifyMobileUseCase;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.domain.user.PlatformIdentity;

import java.util.Optional;

/**
 * The platform vouches for a mobile, which is remembered for this openid's registration and shown to the
 * client; nobody logs in, so the openid's login proof stays for the registration (docs/security.md). A client
 * signed in as the openid's user needs no proof: its token stands in for it.
 */
public final class VerifyMobileService implements VerifyMobileUseCase {
    private final VerifiedMobiles verifiedMobiles;
    private final ClientIdentities identities;
    private final VerifiedMobilePort records;
    private final TokenProofs tokenProofs;

    VerifyMobileService(VerifyPhoneNumberPort phoneNumbers, FailedDecryptions failedDecryptions,
                        ClientIdentities identities, TokenProofs tokenProofs, VerifiedMobilePort records,
                        AttemptBudgets budgets) {
        this.verifiedMobiles = new VerifiedMobiles(phoneNumbers, failedDecryptions, budgets);
        this.identities = identities;
        this.tokenProofs = tokenProofs;
        this.records = records;
    }

    @Override
    public String verifyMobile(VerifyMobileCommand command) {
        PlatformIdentity claimed = new PlatformIdentity(command.platform(), command.openId(), Optional.empty());
        ClaimedIdentity identity = identities.claim(claimed,
                () -> tokenProofs.proves(command.token(), command.systemType(), claimed, command.from()));
        String mobile = verifiedMobiles.verify(identity, command.proof(), command.from());
        records.record(command.platform(), command.openId(), mobile);
        return mobile;
    }
}
