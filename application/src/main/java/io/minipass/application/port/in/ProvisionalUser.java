package io.minipass.application.port.in;

import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;

/** A user the shop would register once a mobile is bound: never stored, no id, no token. */
public record ProvisionalUser(PlatformIdentity identity, Profile profile, long referrer) {
}
