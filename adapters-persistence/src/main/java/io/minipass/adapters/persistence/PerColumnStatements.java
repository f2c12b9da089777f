package io.minipass.adapters.persistence;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The language of the statements ({@code lang} in the mapper XML) whose only part chosen per call is
 * {@code ${column}}, a column name from {@link IdSlots}, never input. Each column's statement is built on
 * its first call and kept. MyBatis would otherwise build the SQL text and its parameter list again on every
 * call, a fifth of what a login allocated (docs/design.md, ADR-19).
 */
final class PerColumnStatements extends XMLLanguageDriver {
    @Override
    public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
        return new PerColumn(configuration, super.createSqlSource(configuration, script, parameterType));
    }

    private static final class PerColumn implements SqlSource {
        private final Configuration configuration;
        private final SqlSource perCall;
        private final ConcurrentMap<String, SqlSource> byColumn = new ConcurrentHashMap<>();

        PerColumn(Configuration configuration, SqlSource perCall) {
            this.configuration = configuration;
            this.perCall = perCall;
        }

        @Override
        public BoundSql getBoundSql(Object parameter) {
            if (!(parameter instanceof Map<?, ?> named) || !(named.get("column") instanceof String column)) {
                throw new IllegalArgumentException("a statement of " + PerColumnStatements.class.getSimpleName()
                        + " takes a @Param(\"column\") String");
            }
            return byColumn.computeIfAbsent(column, first -> {
                BoundSql built = perCall.getBoundSql(parameter);
                return new StaticSqlSource(configuration, built.getSql(), built.getParameterMappings());
            }).getBoundSql(parameter);
        }
    }
}
