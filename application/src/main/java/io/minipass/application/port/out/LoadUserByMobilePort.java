package io.minipass.application.port.out;

import io.minipass.domain.user.User;

import java.util.Optional;

/** Finds the live user holding a mobile number; exact match, the lowest id if several do. */
public interface LoadUserByMobilePort {
    Optional<User> findLiveByMobile(String mobile);
}
