package io.minipass.adapters.persistence;

/** Where a ShopXO database keeps its users' platform ids and tokens: the two layouts this service serves. */
public enum ShopLayout {
    /** ShopXO v2.2.0–v2.3.2: openids, unionids and the token are columns of {@code <prefix>user}. */
    USER_COLUMNS("ShopXO v2.2.0–v2.3.2"),
    /** ShopXO v3.0–v6.7: one {@code <prefix>user_platform} row per user, system type and platform holds them. */
    PLATFORM_ROWS("ShopXO v3.0–v6.7");

    private final String releases;

    ShopLayout(String releases) {
        this.releases = releases;
    }

    /** The ShopXO releases whose tables have this layout, for messages. */
    public String releases() {
        return releases;
    }
}
