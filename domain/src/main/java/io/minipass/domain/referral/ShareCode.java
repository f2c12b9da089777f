package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * ShopXO's share code for a user id: the id's decimal digits in base64, each byte of that text
 * written as two hex digits, low nibble first, upper case (id 128 is {@code D4459443}).
 */
public final class ShareCode {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int MAX_LENGTH = 64;

    private ShareCode() {
    }

    public static String encode(UserId id) {
        byte[] base64 = Base64.getEncoder().encode(Long.toString(id.value()).getBytes(StandardCharsets.US_ASCII));
        StringBuilder code = new StringBuilder(base64.length * 2);
        for (byte b : base64) {
            code.append(HEX[b & 0x0f]).append(HEX[(b >> 4) & 0x0f]);
        }
        return code.toString();
    }

    /** The id a share code names, read in either case; empty for anything that is not one. */
    public static Optional<UserId> decode(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_LENGTH || code.length() % 2 != 0) {
            return Optional.empty();
        }
        byte[] base64 = new byte[code.length() / 2];
        for (int i = 0; i < base64.length; i++) {
            int low = Character.digit(code.charAt(2 * i), 16);
            int high = Character.digit(code.charAt(2 * i + 1), 16);
            if (low < 0 || high < 0) {
                return Optional.empty();
            }
            base64[i] = (byte) ((high << 4) | low);
        }
        try {
            String digits = new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
            return ReferrerReference.positiveId(digits);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
