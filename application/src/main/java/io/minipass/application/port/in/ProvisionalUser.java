package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/** A user the shop would register once a mobile is bound: never stored, no id, no token. */
public record ProvisionalUser(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile, long referrer) {
}
