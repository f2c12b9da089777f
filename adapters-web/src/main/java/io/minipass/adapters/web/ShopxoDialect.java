package io.minipass.adapters.web;

/**
 * Which ShopXO the API answers as, picked at start from the layout of the shop's tables: the request parameters it
 * reads, its messages, codes and user views, and its routes.
 */
public enum ShopxoDialect {
    /** ShopXO v2.2 to v2.3.2: ids and the token are columns of the user's row. */
    V2,
    /** ShopXO v3.0 to v6.7: ids and tokens live in platform rows, one per system type and platform. */
    V6
}
