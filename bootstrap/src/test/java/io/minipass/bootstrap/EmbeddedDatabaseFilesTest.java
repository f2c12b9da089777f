package io.minipass.bootstrap;

import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.EmbeddedDatabaseFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseFilesTest {

    @Test
    void a_file_database_is_found_in_each_form_h2_reads() {
        assertThat(EmbeddedDatabaseFiles.basePath(MinipassConfig.DEFAULT_DB_URL)).hasValue(Path.of("./data/minipass"));
        assertThat(EmbeddedDatabaseFiles.basePath("jdbc:h2:/var/lib/minipass/db")).hasValue(Path.of("/var/lib/minipass/db"));
        assertThat(EmbeddedDatabaseFiles.basePath("jdbc:h2:~/shop;MODE=MySQL"))
                .hasValue(Path.of(System.getProperty("user.home") + "/shop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:test;MODE=MySQL", "jdbc:h2:tcp://db.example/shop", "jdbc:mysql://127.0.0.1/shop",
            "jdbc:mariadb://127.0.0.1/shop", "jdbc:h2:zip:/backups/shop.zip!/shop"})
    void any_other_database_is_left_alone(String url) {
        assertThat(EmbeddedDatabaseFiles.basePath(url)).isEmpty();
    }
}
