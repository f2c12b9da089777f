package io.minipass.adapters.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteResolverTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api.php                         | user/appminiuserinfo        | user/appminiuserinfo",
            "/api.php                         | /User/AppMiniUserInfo.html  | user/appminiuserinfo",
            "/api.php/                        | user/appminiuserinfo.HTML   | user/appminiuserinfo",
            "/api.php/user/appminiuserinfo    | ''                          | user/appminiuserinfo",
            "/api.php/User/AppMiniUserInfo.html | other/route               | user/appminiuserinfo",
            "/API/user/appminiuserinfo/       | ''                          | user/appminiuserinfo",
            "/api                             | user/tokenuserinfo          | user/tokenuserinfo",
            "/api.php                         | ''                          | ''",
    })
    void findsTheRouteInEveryShopXoForm(String path, String s, String expected) {
        assertThat(RouteResolver.resolve(path, s)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"/", "/foo", "/apix/user/appminiuserinfo", "/user/appminiuserinfo", "/api.phpx"})
    void otherPathsAreNoEntryPoint(String path) {
        assertThat(RouteResolver.resolve(path, "user/appminiuserinfo")).isEmpty();
    }
}
