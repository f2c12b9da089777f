package io.minipass.adapters.persistence;

/** One id in our {@code <prefix>minipass_user_identity} table, as {@code UserIdentityMapper.xml} selects it. */
record UserIdentityRow(long userId, byte[] externalId) {
}
