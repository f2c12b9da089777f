package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.adapters.web.ApiResult;
import io.minipass.adapters.web.OpenApiRoute;
import io.minipass.adapters.web.ShopxoDialect;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document at {@code /openapi.json} against the running service, once for each ShopXO it answers as (a new
 * H2 database of each layout): it is that dialect's document and valid OpenAPI 3.1, every route it names answers
 * (never {@code -1000}) on every path form and method it documents, and every route the wiring serves is in it, with
 * the envelope's codes and the user views' fields in the order and of the JSON types the service answers them.
 */
@ParameterizedClass(name = "ShopXO {0}")
@EnumSource(ShopxoDialect.class)
class OpenApiSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PATH_FORMS = {"/api.php/", "/api/"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static MinipassServer server;
    private static String base;
    private static HttpResponse<String> served;
    private static OpenAPI api;

    private final ShopxoDialect dialect;

    OpenApiSystemTest(ShopxoDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeParameterizedClassInvocation
    static void start(ShopxoDialect dialect) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:openapi_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        if (dialect == ShopxoDialect.V6) {
            env.put("MINIPASS_SHOPXO_LAYOUT", "v6");
        }
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        base = "http://127.0.0.1:" + server.port();
        served = send(HttpRequest.newBuilder(URI.create(base + OpenApiRoute.PATH)).GET());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages()).as("the parser's complaints").isEmpty();
        api = parsed.getOpenAPI();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    void is_served_as_json_and_valid_openapi_3_1() throws Exception {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(served.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(OpenApiRoute.document(dialect));
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(api.getPaths()).isNotEmpty();
        // Not an envelope route: other path forms of it are no route at all.
        assertThat(call("GET", "/api/openapi.json", "").get("code").asInt()).isEqualTo(ApiResult.UNKNOWN_ROUTE);
    }

    @Test
    void documents_exactly_the_routes_the_wiring_serves_in_every_path_form() {
        Set<String> wired = new TreeSet<>(server.routes());
        assertThat(wired).isNotEmpty();
        for (String form : PATH_FORMS) {
            Set<String> documented = new TreeSet<>();
            api.getPaths().keySet().stream().filter(path -> path.startsWith(form))
                    .forEach(path -> documented.add(path.substring(form.length())));
            assertThat(documented).as("routes documented as " + form + "<route>").isEqualTo(wired);
        }
        assertThat(api.getPaths().keySet()).as("no other paths")
                .allMatch(path -> path.equals("/api.php") || path.startsWith("/api.php/") || path.startsWith("/api/"));
        assertThat(new TreeSet<>(sParameterRoutes())).as("the routes the s parameter lists").isEqualTo(wired);
    }

    @Test
    void every_documented_route_and_method_answers_an_envelope_not_unknown_route() throws Exception {
        List<String> calls = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (PathItem.HttpMethod method : path.getValue().readOperationsMap().keySet()) {
                if (path.getKey().equals("/api.php")) {
                    for (String route : sParameterRoutes()) {
                        calls.add(method + " /api.php?s=" + route + "&application=app&application_client_type=weixin");
                    }
                } else {
                    calls.add(method + " " + path.getKey() + "?application=app&application_client_type=weixin");
                }
            }
        }
        assertThat(calls).hasSizeGreaterThanOrEqualTo(3 * server.routes().size());
        for (String call : calls) {
            String[] parts = call.split(" ", 2);
            JsonNode answer = call(parts[0], parts[1], "");
            List<String> keys = new ArrayList<>();
            answer.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(call).containsExactly("msg", "code", "data");
            assertThat(answer.get("code").asInt()).as(call + " answered " + answer).isNotEqualTo(ApiResult.UNKNOWN_ROUTE);
        }
        // and a route the document does not name is unknown
        assertThat(call("POST", "/api/user/appminiuserlogin", "").get("code").asInt()).isEqualTo(ApiResult.UNKNOWN_ROUTE);
    }

    @Test
    void lists_every_code_the_service_answers() throws Exception {
        Set<Integer> documented = new TreeSet<>();
        for (Object variant : schema("Code").getOneOf()) {
            documented.add(((Number) ((Schema<?>) variant).getConst()).intValue());
        }
        // ShopXO v2.2's -10 is defined, never answered; v3 and later answer an unknown token -1, not -400.
        int unanswered = dialect == ShopxoDialect.V2 ? ApiResult.ACCOUNT_EXISTS : ApiResult.TOKEN_INVALID;
        Set<Integer> answered = new TreeSet<>();
        for (Field field : ApiResult.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class
                    && field.getInt(null) != unanswered) {
                answered.add(field.getInt(null));
            }
        }
        assertThat(documented).isEqualTo(answered).contains(0, -1, -100, -110, -301, -429, -1000)
                .doesNotContain(unanswered);
        assertThat(documented).contains(dialect == ShopxoDialect.V2 ? ApiResult.TOKEN_INVALID : ApiResult.ACCOUNT_EXISTS);
    }

    @Test
    void the_user_views_have_the_fields_the_service_answers_in_their_order_and_json_types() throws Exception {
        JsonNode login = call("POST", "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin",
                form(MinipassSystemTest.seedForm()));
        assertThat(login.get("code").asInt()).as(login.toString()).isZero();
        List<String> answered = keys(login.get("data"));
        assertDocumented("UserView", login.get("data"));

        JsonNode session = call("GET", "/api/user/tokenuserinfo?token=" + login.get("data").get("token").asText(), "");
        assertThat(session.get("code").asInt()).as(session.toString()).isZero();
        List<String> sessionKeys = keys(session.get("data"));
        if (dialect == ShopxoDialect.V2) {
            assertThat(sessionKeys).isEqualTo(answered);
        } else {
            assertThat(sessionKeys).hasSize(42).isEqualTo(answered.subList(0, answered.size() - 1));
            assertThat(answered).hasSize(43).endsWith("is_mandatory_bind_mobile");
            assertDocumented("SessionUserView", session.get("data"));
        }

        // In development WeChat's code exchange needs no platform, and an unknown openid is registered at once.
        JsonNode authorized = call("POST", "/api/user/appminiuserauth?application=app&application_client_type=weixin",
                "authcode=openapi-code");
        assertThat(authorized.get("data").path("is_user_exist").asInt()).as(authorized.toString()).isEqualTo(1);
        List<String> withUserExists = new ArrayList<>(answered);
        withUserExists.add("is_user_exist");
        assertThat(keys(authorized.get("data"))).isEqualTo(withUserExists);
        JsonNode authorizedView = schemaText("AuthorizedUserView");
        assertThat(authorizedView.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/UserView");
        assertThat(keys(authorizedView.at("/allOf/1/properties"))).containsExactly("is_user_exist");
    }

    /** The schema names exactly the keys answered, in their order, all required, each of the JSON type answered. */
    private static void assertDocumented(String schemaName, JsonNode answeredData) throws IOException {
        JsonNode view = schemaText(schemaName);
        List<String> answered = keys(answeredData);
        assertThat(keys(view.get("properties"))).as(schemaName).isEqualTo(answered);
        List<String> required = new ArrayList<>();
        view.get("required").forEach(name -> required.add(name.asText()));
        assertThat(required).as(schemaName + " required").isEqualTo(answered);
        for (String key : answered) {
            String type = answeredData.get(key).isIntegralNumber() ? "integer"
                    : answeredData.get(key).isTextual() ? "string" : answeredData.get(key).getNodeType().name();
            assertThat(view.at("/properties/" + key + "/type").asText()).as(schemaName + "." + key).isEqualTo(type);
        }
    }

    /** The parser keeps properties sorted by name: the document's own order is read from its text. */
    private static JsonNode schemaText(String name) throws IOException {
        JsonNode schema = JSON.readTree(served.body()).at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Schema<?> schema(String name) {
        return api.getComponents().getSchemas().get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> sParameterRoutes() {
        Parameter s = api.getPaths().get("/api.php").getParameters().stream()
                .filter(parameter -> parameter.getName().equals("s")).findFirst().orElseThrow();
        assertThat(s.getIn()).isEqualTo("query");
        assertThat(s.getRequired()).isTrue();
        return ((List<Object>) s.getSchema().getEnum()).stream().map(String::valueOf).toList();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(ServiceClient.enc(name))
                .append('=').append(ServiceClient.enc(value)));
        return body.toString();
    }

    private static JsonNode call(String method, String pathAndQuery, String formBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(method + " " + pathAndQuery).isIn(200, 503);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
