package io.minipass.domain.user;

/** A platform's id for one user of one mini-program: 1 to 60 printable ASCII characters, no whitespace. */
public record OpenId(String value) {
    public OpenId {
        if (!PlatformIdText.isWellFormed(value)) {
            throw new InvalidInputException("openid格式有误");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
