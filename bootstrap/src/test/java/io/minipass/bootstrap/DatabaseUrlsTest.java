package io.minipass.bootstrap;

import io.minipass.bootstrap.config.DatabaseUrls;
import io.minipass.bootstrap.config.MinipassConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://shop:Pw0rd!@db.example:3306/shop|jdbc:mysql://shop:***@db.example:3306/shop",
            "jdbc:mariadb://shop:Pw0rd!@db.example/shop?useSSL=true|jdbc:mariadb://shop:***@db.example/shop?useSSL=true",
            "jdbc:mysql://db.example/shop?user=shop&password=Pw0rd!&useSSL=true|jdbc:mysql://db.example/shop?user=shop&password=***&useSSL=true",
            "jdbc:mysql://db.example/shop?password=Pw0rd!|jdbc:mysql://db.example/shop?password=***",
            "jdbc:mysql://db.example/shop?sslMode=VERIFY_CA&trustCertificateKeyStorePassword=Pw0rd!|jdbc:mysql://db.example/shop?sslMode=VERIFY_CA&trustCertificateKeyStorePassword=***",
            "jdbc:mysql://address=(host=db.example)(port=3306)(user=shop)(password=Pw0rd!)/shop|jdbc:mysql://address=(host=db.example)(port=3306)(user=shop)(password=***)/shop",
            "jdbc:mysql://(host=db.example,port=3306,user=shop,password=Pw0rd!)/shop|jdbc:mysql://(host=db.example,port=3306,user=shop,password=***)/shop",
            "jdbc:mysql://shop:Pw0rd!@db1.example:3306,shop:Pw0rd!@db2.example:3306/shop|jdbc:mysql://shop:***@db1.example:3306,shop:***@db2.example:3306/shop",
            "jdbc:h2:file:./data/minipass;MODE=MySQL;PASSWORD=Pw0rd!;USER=sa|jdbc:h2:file:./data/minipass;MODE=MySQL;PASSWORD=***;USER=sa",
            "jdbc:h2:mem:x;password=Pw0rd!|jdbc:h2:mem:x;password=***",
    })
    void credentials_in_a_database_url_are_masked(String url, String shown) {
        assertThat(DatabaseUrls.masked(url)).isEqualTo(shown).doesNotContain("Pw0rd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            MinipassConfig.DEFAULT_DB_URL,
            "jdbc:mysql://127.0.0.1:3306/shop?useSSL=false&serverTimezone=Asia/Shanghai",
            "jdbc:mysql://shop@db.example:3306/shop",
            "jdbc:mysql://db1.example:3306,db2.example:3307/shop",
    })
    void a_url_without_credentials_shows_as_it_is(String url) {
        assertThat(DatabaseUrls.masked(url)).isEqualTo(url);
    }
}
