package io.minipass.domain.user;

/** Gender as the shop stores it: 0 unknown, 1 female, 2 male. */
public enum Gender {
    SECRET(0, "保密"),
    FEMALE(1, "女"),
    MALE(2, "男");

    private final int code;
    private final String text;

    Gender(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /**
     * The mini-program platforms' own codes (WeChat, QQ, Toutiao, Baidu): 1 male, 2 female, anything
     * else unknown; the opposite of the shop's.
     */
    public static Gender fromPlatformCode(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "1" -> MALE;
            case "2" -> FEMALE;
            default -> SECRET;
        };
    }

    public static Gender fromCode(long code) {
        for (Gender gender : values()) {
            if (gender.code == code) {
                return gender;
            }
        }
        return SECRET;
    }
}
