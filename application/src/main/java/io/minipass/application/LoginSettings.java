package io.minipass.application;

import io.minipass.domain.referral.ReferrerForms;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.StatusRule;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shop's choices that change who may log in.
 *
 * @param registrationAudit       new users wait for the shop's approval (status 3) before they may log in
 * @param mandatoryMobileBinding  nobody is registered before a verified mobile is bound
 * @param weixinAutoRegister      WeChat's {@code appminiuserauth} registers an unknown openid at once, as
 *                                ShopXO has done since 2022 and today's WeChat client expects
 * @param requireLoginProof       {@code appminiuserinfo} and {@code onekeyusermobilebind} accept only an openid
 *                                this service got from the platform for a login code lately, once, instead of
 *                                trusting the client's word (and bind only by the unionid the platform gave)
 * @param loginPlatforms          the platforms anyone may log in on (in production, those with credentials)
 * @param failuresPerSessionKey   encrypted payloads that may fail to open with one session key before it is
 *                                dropped and the client must log in again
 * @param statusRule              which statuses log in: the rule of the ShopXO whose tables the shop has
 * @param referrerForms           which forms of {@code referrer} name an inviter: those of the same ShopXO
 */
public record LoginSettings(boolean registrationAudit, boolean mandatoryMobileBinding, boolean weixinAutoRegister,
                            boolean requireLoginProof, Set<Platform> loginPlatforms, int failuresPerSessionKey,
                            StatusRule statusRule, ReferrerForms referrerForms) {
    public static final int DEFAULT_FAILURES_PER_SESSION_KEY = 5;
    public static final LoginSettings DEFAULT = new LoginSettings(false, false, true, false);

    public LoginSettings {
        loginPlatforms = loginPlatforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(loginPlatforms));
        if (failuresPerSessionKey < 1) {
            throw new IllegalArgumentException("failuresPerSessionKey must be at least 1");
        }
        statusRule = statusRule == null ? StatusRule.MUTED_MAY_LOG_IN : statusRule;
        referrerForms = referrerForms == null ? ReferrerForms.ID_OR_SHARE_CODE : referrerForms;
    }

    /** ShopXO v2.2's rules. */
    public LoginSettings(boolean registrationAudit, boolean mandatoryMobileBinding, boolean weixinAutoRegister,
                         boolean requireLoginProof, Set<Platform> loginPlatforms, int failuresPerSessionKey) {
        this(registrationAudit, mandatoryMobileBinding, weixinAutoRegister, requireLoginProof, loginPlatforms,
                failuresPerSessionKey, StatusRule.MUTED_MAY_LOG_IN, ReferrerForms.ID_OR_SHARE_CODE);
    }

    /** The same settings under ShopXO v3's and later rules: who may log in, and which referrers name an inviter. */
    public LoginSettings asShopxoV6() {
        return new LoginSettings(registrationAudit, mandatoryMobileBinding, weixinAutoRegister, requireLoginProof,
                loginPlatforms, failuresPerSessionKey, StatusRule.ONLY_NORMAL, ReferrerForms.SHOPXO_V6);
    }

    /** Every platform may log in, with the default failure limit. */
    public LoginSettings(boolean registrationAudit, boolean mandatoryMobileBinding, boolean weixinAutoRegister,
                         boolean requireLoginProof) {
        this(registrationAudit, mandatoryMobileBinding, weixinAutoRegister, requireLoginProof,
                EnumSet.allOf(Platform.class), DEFAULT_FAILURES_PER_SESSION_KEY);
    }
}
