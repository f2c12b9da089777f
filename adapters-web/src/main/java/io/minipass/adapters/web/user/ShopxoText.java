package io.minipass.adapters.web.user;

/**
 * The texts of ShopXO's answers that it also has in English. A text ShopXO says only in Chinese, and every text of
 * this service's own, is written where it is answered and stays Chinese in either language.
 */
enum ShopxoText {
    OPENID_EMPTY("openid为空", "Openid is empty"),
    AUTH_DATA_EMPTY("授权数据为空", "The auth data is empty"),
    AUTH_CODE_EMPTY("授权码为空", "The auth code is empty"),
    AUTHORIZED("授权成功", "Authorization Succeeded"),
    AUTH_LOGIN_SUCCEEDED("授权登录成功", "Auth login succeeded"),
    BOUND("绑定成功", "Bind Succeeded"),
    USER_MUTED("用户被禁止发言", "User is prohibited from speaking"),
    USER_BANNED("用户被禁止登录", "User is prohibited from logging in"),
    /** A user of status 3 tries to log in. */
    USER_AWAITING_REVIEW("用户等待审核中", "User waiting for review"),
    /** A user was registered for audit, or a binding found a user not in good standing: the same Chinese. */
    USER_NOT_APPROVED("用户等待审核中", "User waiting for approval"),
    USER_STATUS_INCORRECT("用户状态有误", "Incorrect user status"),
    TOKEN_EMPTY("token不能为空", "Token cannot be empty"),
    USER_NOT_FOUND("用户信息不存在", "User information does not exist"),
    MOBILE_BOUND_ELSEWHERE("手机已绑定其他帐号", "The phone has been bound to another account"),
    MOBILE_EXISTS("手机号码已存在", "Mobile number already exists"),
    AVATAR_EMPTY("请上传头像", "Please upload your profile picture"),
    NICKNAME_LENGTH("昵称1~60个字符之间", "Nickname between 1 and 60 characters"),
    MOBILE_EMPTY("手机号码为空", "The phone number is empty"),
    /** Follows the client type it names. */
    NO_ONE_TOUCH_LOGIN("平台还未开发手机一键登录", "The platform has not yet developed one-touch login"),
    GENDER_SECRET("保密", "secrecy"),
    GENDER_FEMALE("女", "female"),
    GENDER_MALE("男", "male");

    private final String chinese;
    private final String english;

    ShopxoText(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    String in(Language language) {
        return language == Language.EN ? english : chinese;
    }

    String chinese() {
        return chinese;
    }
}
