package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.application.service.UserSignIn.Recognized;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;

import java.util.Optional;

/**
 * Finds or creates the shop user behind a mini-program openid and logs them in:
 * returning user by openid, else a same-platform user by unionid (binding the openid),
 * else a new registration. Losing a race for an openid means looking it up again.
 */
public final class LogInMiniProgramUserService implements LogInMiniProgramUserUseCase {
    private final UserSignIn signIn;
    private final DecryptUserDataPort decryptUserData;
    private final ReferrerResolver referrers;
    private final ClientIdentities identities;
    private final FailedDecryptions failedDecryptions;
    private final AttemptBudgets budgets;
    private final boolean mandatoryMobileBinding;

    public LogInMiniProgramUserService(UserSignIn signIn, DecryptUserDataPort decryptUserData, ReferrerResolver referrers,
                                       ClientIdentities identities, FailedDecryptions failedDecryptions,
                                       AttemptBudgets budgets, LoginSettings settings) {
        this.signIn = signIn;
        this.decryptUserData = decryptUserData;
        this.referrers = referrers;
        this.identities = identities;
        this.failedDecryptions = failedDecryptions;
        this.budgets = budgets;
        this.mandatoryMobileBinding = settings.mandatoryMobileBinding();
    }

    @Override
    public LoginOutcome logIn(LogInMiniProgramUserCommand command) {
        ClaimedIdentity identity = identities.claim(command.identity());
        Profile profile = readProfile(command);
        LoginIdentity login = new LoginIdentity(command.systemType(), identity.identity());
        return UserSignIn.retryingLostRaces(() -> {
            Optional<Recognized> known = signIn.recognize(login);
            if (known.isEmpty() && mandatoryMobileBinding) {
                return bindingRequired(command, identity, profile);
            }
            identity.spendProof();
            if (known.isPresent()) {
                return signIn.logIn(known.get(), login);
            }
            budgets.spend(Attempt.REGISTRATION, command.from(), login.platform(), login.openId());
            return signIn.register(login, profile, "", referrers.resolve(command.referrer()));
        });
    }

    /** Nobody is stored before a mobile is bound; the proof stays for that binding. */
    private LoginOutcome bindingRequired(LogInMiniProgramUserCommand command, ClaimedIdentity identity, Profile profile) {
        return new LoginOutcome.MobileBindingRequired(new ProvisionalUser(identity.identity(), profile,
                referrers.resolve(command.referrer())));
    }

    /** A sealed profile opens with the session key of this openid's code exchange. */
    private Profile readProfile(LogInMiniProgramUserCommand command) {
        if (command.profile() instanceof ProfileData.Sealed sealed) {
            PlatformIdentity claimed = command.identity();
            return failedDecryptions.open(claimed.platform(), claimed.openId(), command.from(),
                    () -> decryptUserData.decryptProfile(claimed.platform(), claimed.openId(), sealed.encryptedData(),
                            sealed.iv()));
        }
        return ((ProfileData.Plain) command.profile()).profile();
    }
}
