package io.minipass.adapters.persistence;

import org.apache.ibatis.binding.MapperMethod;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerColumnStatementsTest {
    private final Configuration configuration = new Configuration();
    private final SqlSource lookUp = new PerColumnStatements().createSqlSource(configuration,
            "<script>SELECT id FROM sxo_user WHERE ${column} = #{value}</script>", Object.class);

    private static MapperMethod.ParamMap<Object> call(String column, String value) {
        MapperMethod.ParamMap<Object> parameters = new MapperMethod.ParamMap<>();
        parameters.put("column", column);
        parameters.put("value", value);
        return parameters;
    }

    @Test
    void each_column_gets_its_own_statement_built_on_its_first_call_and_kept() {
        BoundSql first = lookUp.getBoundSql(call("weixin_openid", "o1"));
        BoundSql again = lookUp.getBoundSql(call("weixin_openid", "o2"));
        BoundSql mobile = lookUp.getBoundSql(call("mobile", "13800000000"));

        assertThat(first.getSql()).isEqualTo("SELECT id FROM sxo_user WHERE weixin_openid = ?");
        assertThat(again.getSql()).as("the statement kept, not built again").isSameAs(first.getSql());
        assertThat(again.getParameterMappings()).isSameAs(first.getParameterMappings());
        assertThat(mobile.getSql()).isEqualTo("SELECT id FROM sxo_user WHERE mobile = ?");
    }

    @Test
    void each_call_binds_its_own_value() {
        lookUp.getBoundSql(call("weixin_openid", "o1"));
        BoundSql second = lookUp.getBoundSql(call("weixin_openid", "o2"));

        assertThat(second.getParameterMappings()).extracting(ParameterMapping::getProperty).containsExactly("value");
        assertThat(second.getParameterObject()).isEqualTo(call("weixin_openid", "o2"));
    }

    @Test
    void a_statement_called_without_a_column_is_refused() {
        assertThatThrownBy(() -> lookUp.getBoundSql(Map.of("value", "o1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@Param(\"column\")");
        assertThatThrownBy(() -> lookUp.getBoundSql("o1")).isInstanceOf(IllegalArgumentException.class);
    }
}
