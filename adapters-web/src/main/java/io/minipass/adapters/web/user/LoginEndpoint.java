package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;

/** A route that logs a user in or proves a mobile: it reads its own parameters from a POST only, as ShopXO's do. */
interface LoginEndpoint extends ApiEndpoint {

    @Override
    default boolean readsPostOnly() {
        return true;
    }
}
