package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;

import java.util.Locale;

/** The language a ShopXO v6 client asked for with {@code lang}: English, or else Chinese. */
enum Language {
    ZH,
    EN;

    static Language of(ApiRequest request) {
        return request.text("lang").trim().toLowerCase(Locale.ROOT).equals("en") ? EN : ZH;
    }
}
