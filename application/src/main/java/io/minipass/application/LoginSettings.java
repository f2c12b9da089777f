package io.minipass.application;

/**
 * The shop's choices that change who may log in.
 *
 * @param registrationAudit      new users wait for the shop's approval (status 3) before they may log in
 * @param mandatoryMobileBinding nobody is registered before a verified mobile is bound
 * @param weixinAutoRegister     WeChat's {@code appminiuserauth} registers an unknown openid at once, as
 *                               ShopXO has done since 2022 and today's WeChat client expects
 * @param requireLoginProof      {@code appminiuserinfo} accepts only an openid this service got from the
 *                               platform for a login code lately, instead of trusting the client's word
 */
public record LoginSettings(boolean registrationAudit, boolean mandatoryMobileBinding, boolean weixinAutoRegister,
                            boolean requireLoginProof) {
    public static final LoginSettings DEFAULT = new LoginSettings(false, false, true, false);

    public LoginSettings(boolean registrationAudit, boolean mandatoryMobileBinding) {
        this(registrationAudit, mandatoryMobileBinding, true, false);
    }
}
