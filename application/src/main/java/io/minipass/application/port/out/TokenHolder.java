package io.minipass.application.port.out;

import io.minipass.domain.user.User;

/**
 * The user a token belongs to, and when this service issued it (Unix seconds; 0 when the token
 * was issued by something else, such as ShopXO itself, and its age is unknown).
 */
public record TokenHolder(User user, long issuedAt) {
}
