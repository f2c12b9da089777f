package io.minipass.adapters.persistence;

/** Where a ShopXO database keeps its users' platform ids and tokens: the two layouts this service serves. */
enum ShopLayout {
    /** ShopXO v2.2.0–v2.3.2: openids, unionids and the token are columns of {@code <prefix>user}. */
    USER_COLUMNS("ShopXO v2.2.0–v2.3.2"),
    /** ShopXO v3.0–v6.7: one {@code <prefix>user_platform} row per user, system type and platform holds them. */
    PLATFORM_ROWS("ShopXO v3.0–v6.7");

    private final String releases;

    ShopLayout(String releases) {
        this.releases = releases;
    }

    /** @throws IllegalArgumentException for a name that is not a layout's {@link DatabaseSettings#layout()} */
    static ShopLayout named(String setting) {
        for (ShopLayout layout : values()) {
            if (layout.setting().equals(setting)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("database layout " + setting + " is not v2 (" + USER_COLUMNS.releases
                + ") or v6 (" + PLATFORM_ROWS.releases + ")");
    }

    /** How {@link DatabaseSettings#layout()} names it. */
    String setting() {
        return this == USER_COLUMNS ? "v2" : "v6";
    }

    /** The ShopXO releases whose tables have this layout, for messages. */
    String releases() {
        return releases;
    }
}
