package io.minipass.adapters.web.user;

import io.minipass.domain.user.PlatformIdentity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code appminiuserauth} tells a client nobody holds the identity of: the ids to send back with the profile
 * (docs/contract.md#appminiuserauth). Never the session key.
 */
final class NewcomerView {
    private NewcomerView() {
    }

    static Map<String, Object> of(PlatformIdentity identity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("is_user_exist", 0);
        data.put("openid", identity.openId().value());
        identity.unionId().ifPresent(id -> data.put("unionid", id.value()));
        return data;
    }
}
