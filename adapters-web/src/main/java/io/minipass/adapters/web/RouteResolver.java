package io.minipass.adapters.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the route a request names, in any of ShopXO's URL forms: {@code /api.php?s=user/appminiuserinfo},
 * {@code /api.php/user/appminiuserinfo} and {@code /api/user/appminiuserinfo}. Route names are
 * case-insensitive, a leading {@code /} and a {@code .html} suffix are ignored.
 */
public final class RouteResolver {
    private static final String[] ENTRY_POINTS = {"/api.php", "/api"};

    private RouteResolver() {
    }

    /**
     * @param path   the request path, e.g. {@code /api.php}
     * @param sParam the {@code s} query parameter, "" when none
     * @return the normalized route name; empty when the path is not an API entry point at all
     */
    public static Optional<String> resolve(String path, String sParam) {
        String lowerPath = path == null ? "" : path.toLowerCase(Locale.ROOT);
        for (String entryPoint : ENTRY_POINTS) {
            if (lowerPath.equals(entryPoint) || lowerPath.startsWith(entryPoint + "/")) {
                String rest = normalize(lowerPath.substring(entryPoint.length()));
                return Optional.of(rest.isEmpty() ? normalize(sParam) : rest);
            }
        }
        return Optional.empty();
    }

    /** {@code /User/AppMiniUserInfo.html} reads {@code user/appminiuserinfo}. */
    public static String normalize(String route) {
        if (route == null) {
            return "";
        }
        String name = trimSlashes(route.trim().toLowerCase(Locale.ROOT));
        if (name.endsWith(".html")) {
            name = trimSlashes(name.substring(0, name.length() - ".html".length()));
        }
        return name;
    }

    private static String trimSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }
}
