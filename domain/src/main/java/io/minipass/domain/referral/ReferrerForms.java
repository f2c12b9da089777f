package io.minipass.domain.referral;

import java.util.Optional;
import java.util.regex.Pattern;

/** The forms of {@code referrer} a ShopXO reads: v2.2 an id or a share code; v3 and later more. */
public enum ReferrerForms {
    /** ShopXO v2.2: a user id in digits, or the share code of one ({@link ShareCode}). */
    ID_OR_SHARE_CODE {
        @Override
        public Optional<ReferrerKey> parse(String reference) {
            return ReferrerReference.parse(reference).map(ReferrerKey.ById::new);
        }
    },
    /**
     * ShopXO v3 and later: a mainland mobile, an email, a share code (any text with a letter), or else digits read
     * as PHP's {@code intval} reads them ({@code 1.7} is user 1) naming an id, or the whole text a member code.
     */
    SHOPXO_V6 {
        @Override
        public Optional<ReferrerKey> parse(String reference) {
            String text = reference == null ? "" : reference.strip();
            if (text.isEmpty() || text.equals("0") || text.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            if (MOBILE.matcher(text).matches()) {
                return Optional.of(new ReferrerKey.ByMobile(text));
            }
            if (EMAIL.matcher(text).matches()) {
                return Optional.of(new ReferrerKey.ByEmail(text));
            }
            if (LETTER.matcher(text).find()) {
                return ShareCode.decode(text).map(ReferrerKey.ById::new);
            }
            Optional<ReferrerKey> byId = ReferrerReference.positiveId(leadingDigits(text)).map(ReferrerKey.ById::new);
            return byId.isPresent() ? byId : Optional.of(new ReferrerKey.ByNumberCode(text));
        }
    };

    /** Longer than any id, member code, mobile or email column holds. */
    private static final int MAX_LENGTH = 60;
    /** ShopXO's own patterns ({@code common_regex_mobile}, {@code common_regex_email}). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("\\w+([-+.]\\w+)*@\\w+([-.]\\w+)*\\.\\w+([-.]\\w+)*");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");

    /** Whom the reference names, if it names anyone; never an error. */
    public abstract Optional<ReferrerKey> parse(String reference);

    /** The ASCII digits PHP's {@code intval} reads from the start of the text after an optional {@code +}; may be empty. */
    private static String leadingDigits(String text) {
        int start = text.startsWith("+") ? 1 : 0;
        int end = start;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return text.substring(start, end);
    }
}
