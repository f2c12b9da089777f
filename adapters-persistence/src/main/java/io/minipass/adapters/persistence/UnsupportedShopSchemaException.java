package io.minipass.adapters.persistence;

/** The shop's database has a ShopXO layout this service cannot share; the message says which and what is supported. */
final class UnsupportedShopSchemaException extends IllegalStateException {
    UnsupportedShopSchemaException(String message) {
        super(message);
    }
}
