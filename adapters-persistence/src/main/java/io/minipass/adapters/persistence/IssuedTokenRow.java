package io.minipass.adapters.persistence;

/** A row of {@code <prefix>minipass_token}: the last token this service issued a user, and when. */
record IssuedTokenRow(long userId, String token, long issuedAt) {
}
