package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

/**
 * Opens a platform's sealed user profile with the session key that platform gave for this openid,
 * checking it was meant for this shop's app and this user.
 */
public interface DecryptUserDataPort {

    /**
     * @throws io.minipass.domain.user.InvalidInputException when there is no session key for the openid
     * @throws UserDataRefusedException                       when the data does not open or is not meant for this app and user
     */
    Profile decryptProfile(Platform platform, OpenId openId, String encryptedData, String iv);
}
