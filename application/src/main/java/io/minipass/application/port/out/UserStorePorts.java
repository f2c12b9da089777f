package io.minipass.application.port.out;

import java.util.Objects;

/**
 * Every port of the shop's user store, as one store adapter hands them out ready-made (a cache
 * already in front of the writes that replace a token, say), so wiring cannot mix them up.
 */
public record UserStorePorts(LoadUserPort load, RegisterUserPort register, BindOpenIdPort bindOpenId,
                             IssueTokenPort issueToken, LoadUserByTokenPort loadByToken,
                             LoadUserByMobilePort loadByMobile, BindMobilePort bindMobile) {
    public UserStorePorts {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(bindOpenId, "bindOpenId");
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(loadByToken, "loadByToken");
        Objects.requireNonNull(loadByMobile, "loadByMobile");
        Objects.requireNonNull(bindMobile, "bindMobile");
    }

    /** All ports from one store that implements them all, with nothing in front. */
    public static <S extends LoadUserPort & RegisterUserPort & BindOpenIdPort & IssueTokenPort & LoadUserByTokenPort
            & LoadUserByMobilePort & BindMobilePort> UserStorePorts of(S store) {
        return new UserStorePorts(store, store, store, store, store, store, store);
    }
}
