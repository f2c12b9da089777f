package io.minipass.domain.user;

/** Why a user who was found may not log in. */
public enum LoginRefusal {
    /** Status 1, which ShopXO v3 and later refuse (v2.2 lets it log in). */
    MUTED("用户被禁止发言"),
    BANNED("用户被禁止登录"),
    AWAITING_AUDIT("用户等待审核中"),
    UNKNOWN_STATUS("用户状态有误"),
    /** Binding a new openid through a unionid needs the existing user to be in good standing. */
    NOT_AUDITED("用户待审核");

    private final String message;

    LoginRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
