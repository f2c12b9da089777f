package io.minipass.adapters.platforms.crypto;

import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the user data a client got from one platform ({@code encryptedData} + {@code iv}) with the session key
 * of that openid's last code exchange, and checks it was sealed for this shop's app and for this user
 * (docs/platforms.md#decryption). The steps are the same on every platform; the platform's {@link Scheme}
 * does the opening.
 */
public final class UserDataDecryptor implements PlatformParts.UserData {
    /** Standard base64 of a 16-byte iv; ShopXO refuses any other length before decrypting. */
    private static final int IV_TEXT_LENGTH = 24;

    /** How one platform seals its data. */
    @FunctionalInterface
    public interface Scheme {
        /**
         * @param seal      what the data must be sealed for (the shop's app id, Baidu's App Key)
         * @param watermark how a WeChat-style watermark is held against the seal
         * @return the payload
         * @throws io.minipass.application.port.out.UserDataRefusedException ({@link DecryptionFailures#refused})
         *                                                                    when it does not open or is foreign
         */
        Map<String, Object> open(String sessionKey, String encryptedData, String iv, String seal, WatermarkCheck watermark);
    }

    private final Platform platform;
    private final SessionKeyStore sessionKeys;
    private final String seal;
    private final Scheme scheme;
    private final WatermarkCheck profileWatermark;

    /**
     * @param seal             the app id or key the data must be sealed for; empty: the platform is not configured
     * @param profileWatermark how profile data's watermark is checked ({@link #decrypt(OpenId, String, String, WatermarkCheck)}
     *                         says it for other data)
     */
    public UserDataDecryptor(Platform platform, SessionKeyStore sessionKeys, String seal, Scheme scheme,
                             WatermarkCheck profileWatermark) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.sessionKeys = Objects.requireNonNull(sessionKeys, "sessionKeys");
        this.seal = seal == null ? "" : seal.trim();
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.profileWatermark = Objects.requireNonNull(profileWatermark, "profileWatermark");
    }

    /** Profile data, its watermark checked as this platform's profile data needs. */
    @Override
    public Profile decryptProfile(OpenId openId, String encryptedData, String iv) {
        return SealedProfileFields.read(decrypt(openId, encryptedData, iv, profileWatermark));
    }

    /**
     * @param watermark how the WeChat-style watermark is checked; Baidu data is always checked by its App Key
     * @throws io.minipass.application.port.out.PlatformCallFailedException when the platform is not configured
     * @throws InvalidInputException when a part is missing or there is no session key
     * @throws io.minipass.application.port.out.UserDataRefusedException when the data does not open or is foreign
     */
    public Map<String, Object> decrypt(OpenId openId, String encryptedData, String iv, WatermarkCheck watermark) {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(watermark, "watermark");
        if (seal.isEmpty()) {
            throw PlatformFailures.notConfigured(platform, List.of());
        }
        if (encryptedData == null || encryptedData.isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_ENCRYPTED_DATA);
        }
        if (iv == null || iv.isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_IV);
        }
        if (iv.length() != IV_TEXT_LENGTH) {
            throw DecryptionFailures.refused(platform, "iv is not 24 characters");
        }
        String sessionKey = sessionKeys.find(platform, openId)
                .orElseThrow(() -> new InvalidInputException(DecryptionFailures.NO_SESSION_KEY));
        Map<String, Object> payload = scheme.open(sessionKey, encryptedData, iv, seal, watermark);
        requireSameUser(payload, openId);
        return payload;
    }

    /** Data naming another openid belongs to someone else, whatever else it says. */
    private void requireSameUser(Map<String, Object> payload, OpenId openId) {
        for (String field : new String[] {"openId", "openid"}) {
            if (payload.containsKey(field) && !openId.value().equals(PlatformJson.text(payload.get(field)))) {
                throw DecryptionFailures.refused(platform, "it names another openid");
            }
        }
    }
}
