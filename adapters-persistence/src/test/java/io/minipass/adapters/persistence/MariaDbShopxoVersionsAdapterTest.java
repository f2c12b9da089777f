package io.minipass.adapters.persistence;

/** ShopXO's layouts on a real MariaDB (or MySQL) server, described in {@link MariaDbTestDatabase}. */
class MariaDbShopxoVersionsAdapterTest extends ShopxoVersionsAdapterContract {
    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
