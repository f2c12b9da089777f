package io.minipass.adapters.persistence;

/** ShopXO's layouts on embedded H2 in MySQL mode. */
class H2ShopxoVersionsAdapterTest extends ShopxoVersionsAdapterContract {
    @Override
    protected TestDatabase newDatabase() {
        return H2TestDatabase.create();
    }
}
