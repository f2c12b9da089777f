package io.minipass.bootstrap;

import io.minipass.adapters.web.HealthEndpoint;
import io.minipass.adapters.web.OpenApiRoute;
import io.minipass.adapters.web.ReadinessEndpoint;
import io.minipass.adapters.web.RouteResolver;
import io.minipass.adapters.web.php.FormDecoder;
import io.minipass.adapters.web.php.PhpValues;
import io.minipass.adapters.web.user.AuthorizeMiniProgramUserEndpoint;
import io.minipass.adapters.web.user.BindMobileEndpoint;
import io.minipass.adapters.web.user.LogInMiniProgramUserEndpoint;
import io.minipass.adapters.web.user.RegisterWithMobileEndpoint;
import io.minipass.adapters.web.user.TokenUserInfoEndpoint;
import io.minipass.adapters.web.user.VerifyMobileEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped nginx site in front of a stand-in for the service and one for the shop's PHP: the service gets its own
 * routes in every form it reads them and nothing else, so the shop's goods, cart, orders and payment keep working
 * through the one base URL ShopXO's clients have (docs/security.md#the-settings-and-nginx-in-front).
 */
class NginxSiteSystemTest {
    private static final String MINIPASS = "minipass";
    private static final String SHOP = "shop";

    /** The routes the service answers (MinipassServer's endpoint map), as RouteResolver names them. */
    private static final Set<String> SERVICE_ROUTES = Set.of(AuthorizeMiniProgramUserEndpoint.ROUTE,
            LogInMiniProgramUserEndpoint.ROUTE, TokenUserInfoEndpoint.ROUTE, BindMobileEndpoint.ROUTE,
            VerifyMobileEndpoint.ROUTE, RegisterWithMobileEndpoint.ROUTE, HealthEndpoint.ROUTE, ReadinessEndpoint.ROUTE);

    @TempDir
    Path dir;

    /** Each request target, and who must answer it. */
    private static List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        for (String route : SERVICE_ROUTES) {
            String mixed = mixedCase(route);
            rows.add(new String[]{"/api.php?s=" + route, MINIPASS});
            rows.add(new String[]{"/api.php?s=/" + mixed + ".html", MINIPASS});
            rows.add(new String[]{"/api.php?application=app&application_client_type=weixin&s=" + route + "&token=t", MINIPASS});
            rows.add(new String[]{"/api.php/" + route, MINIPASS});
            rows.add(new String[]{"/api.php/" + mixed + ".html", MINIPASS});
            rows.add(new String[]{"/api/" + route, MINIPASS});
            rows.add(new String[]{"/API/" + mixed + "/", MINIPASS});
        }
        String[][] more = {
                {"/API.PHP/User/AppMiniUserInfo.HTML", MINIPASS},
                {"/api.php?s=user%2Fappminiuserinfo", MINIPASS},
                {"/api.php?s=%2FUser%2FTokenUserInfo.html", MINIPASS},
                {"/api.php?s=//user/appminiuserinfo//.html/", MINIPASS},
                {"/api.php?s=+user/appminiuserinfo%20", MINIPASS},
                {"/api.php/?s=user/appminiuserinfo", MINIPASS},
                {"/api.php/.html?s=user/appminiuserinfo", MINIPASS},
                {"/api?s=user/appminiuserauth", MINIPASS},
                {"/api.php?s=goods/detail&s=user/appminiuserinfo", MINIPASS},
                {"/api.php/user/appminiuserinfo?s=goods/detail", MINIPASS},
                {"/api/minipass/health", MINIPASS},
                {"/api/minipass/ready", MINIPASS},
                {"/openapi.json", MINIPASS},
                {"/api.php?s=goods/detail", SHOP},
                {"/api.php?s=goods/detail&id=1&application=app&application_client_type=weixin&token=t", SHOP},
                {"/api.php/cart/index", SHOP},
                {"/api/goods/detail", SHOP},
                {"/api.php?s=cart/save", SHOP},
                {"/api.php?s=buy/add", SHOP},
                {"/api.php?s=order/pay", SHOP},
                {"/api.php?s=user/center", SHOP},
                {"/api.php?s=user/login", SHOP},
                {"/api.php?s=user/appminiuserinfox", SHOP},
                {"/api.php?s=user.appminiuserinfo", SHOP},
                {"/api.php?s=user//appminiuserinfo", SHOP},
                {"/api.php?s=user/appminiuserinfo&s=goods/detail", SHOP},
                {"/api.php?s=user/appminiuserinfo&s", SHOP},
                {"/api.php?ss=user/appminiuserinfo", SHOP},
                {"/api.php?xs=user/appminiuserinfo", SHOP},
                {"/api.php/goods/detail?s=user/appminiuserinfo", SHOP},
                {"/api.php/user%2Fappminiuserinfo", SHOP},
                {"/api.php", SHOP},
                {"/api.php?s=index/index", SHOP},
                {"/api/minipass/other", SHOP},
                {"/index.php?s=user/appminiuserinfo", SHOP},
                {"/index.php?s=goods/detail", SHOP},
                {"/admin.php?s=user/index", SHOP},
                {"/", SHOP},
                {"/static/index/default/images/logo.png", SHOP},
                {"/public/upload/images/goods/1.jpg", SHOP},
                {"/metrics", SHOP},
                {"/apix/user/appminiuserinfo", SHOP},
        };
        rows.addAll(List.of(more));
        return rows;
    }

    @Test
    void the_service_gets_its_own_routes_in_every_form_and_the_shop_everything_else() throws Exception {
        List<String[]> table = table();
        for (String[] row : table) { // the table itself says what the service reads as its own
            assertThat(servedByTheService(row[0])).as("the service's reading of %s", row[0]).isEqualTo(row[1].equals(MINIPASS));
        }
        try (NamedBackend minipass = NamedBackend.start(MINIPASS); NamedBackend shop = NamedBackend.start(SHOP);
             NginxSite site = NginxSite.start(dir, minipass.address(), shop.address(), UnaryOperator.identity())) {
            List<String> wrong = new ArrayList<>();
            for (String[] row : table) {
                for (String method : List.of("GET", "POST")) {
                    String body = method.equals("POST") ? "openid=o1&referrer=0" : "";
                    NginxSite.Answer answer = site.send(method, row[0], body);
                    String expected = row[1] + " " + method + " " + row[0] + " " + body.length();
                    if (answer.status() != 200 || !answer.body().equals(expected)) {
                        wrong.add(method + " " + row[0] + " -> " + answer.status() + " " + answer.body()
                                + " (expected " + expected + ")");
                    }
                }
            }
            assertThat(wrong).as("requests answered by the wrong backend, or changed on the way").isEmpty();
        }
    }

    /**
     * The maps' regular expressions never backtrack their way through a long value: with two ways to read a run of
     * slashes, 7,000 of them before a stray letter ran PCRE into its match limit (an error per request, 0.4 s of
     * nginx's CPU each on the 2-core development machine).
     */
    @Test
    void a_long_run_of_slashes_is_read_in_one_pass() throws Exception {
        String target = "/api.php?s=user/appminiuserinfo" + "/".repeat(7_000) + "x";
        try (NamedBackend minipass = NamedBackend.start(MINIPASS); NamedBackend shop = NamedBackend.start(SHOP);
             NginxSite site = NginxSite.start(dir, minipass.address(), shop.address(), UnaryOperator.identity())) {
            assertThat(servedByTheService(target)).isFalse();
            assertThat(site.send("GET", target, "").body()).startsWith(SHOP + " GET ");
            assertThat(site.errorLog()).doesNotContain("pcre");
        }
    }

    @Test
    void a_throttled_request_is_answered_in_json_and_logged_as_minus_429_and_the_shop_is_never_throttled()
            throws Exception {
        UnaryOperator<String> oneAMinute = site -> site.replace("rate=20r/s", "rate=1r/m").replace("burst=40", "burst=1");
        try (NamedBackend minipass = NamedBackend.start(MINIPASS); NamedBackend shop = NamedBackend.start(SHOP);
             NginxSite site = NginxSite.start(dir, minipass.address(), shop.address(), oneAMinute)) {
            List<NginxSite.Answer> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(site.send("GET", "/api.php?s=user/tokenuserinfo&token=t", ""));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(site.send("GET", "/api.php?s=goods/detail", "").body()).startsWith(SHOP + " ");
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
            assertThat(answers.get(3).body()).isEqualTo("{\"msg\":\"请求过于频繁，请稍后再试\",\"code\":-429,\"data\":[]}");
            assertThat(site.accessLog()).contains("nginx_code=-429").doesNotContain("token=t");
        }
    }

    @Test
    void the_service_away_is_answered_in_json_and_logged_as_minus_100_while_the_shop_answers() throws Exception {
        try (NamedBackend shop = NamedBackend.start(SHOP);
             NginxSite site = NginxSite.start(dir, new InetSocketAddress("127.0.0.1", NginxSite.freePort()),
                     shop.address(), UnaryOperator.identity())) {
            NginxSite.Answer login = site.send("POST", "/api.php?s=user/appminiuserinfo", "openid=o1");

            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).isEqualTo("{\"msg\":\"系统繁忙，请稍后再试\",\"code\":-100,\"data\":[]}");
            assertThat(site.send("GET", "/api.php?s=goods/detail", "").body()).startsWith(SHOP + " ");
            assertThat(site.accessLog()).contains("nginx_code=-100");
        }
    }

    /** What the service itself makes of a request target: ApiDispatcher's reading, or the API document's path. */
    private static boolean servedByTheService(String target) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        if (path.equals(OpenApiRoute.PATH)) {
            return true;
        }
        return RouteResolver.resolve(path, PhpValues.text(FormDecoder.decode(query).get("s")))
                .filter(SERVICE_ROUTES::contains).isPresent();
    }

    /** {@code user/appminiuserinfo} as {@code User/AppMiniUserInfo}-like: every other letter upper case. */
    private static String mixedCase(String route) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < route.length(); i++) {
            String c = String.valueOf(route.charAt(i));
            mixed.append(i % 2 == 0 ? c.toUpperCase(Locale.ROOT) : c);
        }
        return mixed.toString();
    }
}
