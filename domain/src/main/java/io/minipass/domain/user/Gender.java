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

    public static Gender fromCode(long code) {
        for (Gender gender : values()) {
            if (gender.code == code) {
                return gender;
            }
        }
        return SECRET;
    }
}
