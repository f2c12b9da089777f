package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Map;

/**
 * Opens a platform's encrypted user data with the session key that platform gave for this openid,
 * checking it was meant for this shop's app.
 */
public interface DecryptUserDataPort {

    /**
     * @return the decrypted JSON object as plain values
     * @throws io.minipass.domain.user.InvalidInputException when there is no session key or the data does not open
     */
    Map<String, Object> decrypt(Platform platform, OpenId openId, String encryptedData, String iv);
}
