package io.minipass.adapters.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.adapters.web.OpenApiRoute;
import io.minipass.adapters.web.ShopxoDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.INTEGER_FIELDS;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.LOGIN_FIELDS;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.SESSION_FIELDS;
import static org.assertj.core.api.Assertions.assertThat;

/** The ShopXO v6 API document describes the views {@link ShopxoV6UserViewTest} checks: keys, order and JSON types. */
class ShopxoV6DocumentTest {
    private final JsonNode schemas = schemas();

    @Test
    void describesTheLoginsUserViewAndTheSessionsInTheirOrderWithTheirTypes() {
        assertView("UserView", LOGIN_FIELDS);
        assertView("SessionUserView", SESSION_FIELDS);
        assertThat(schemas.at("/AuthorizedUserView/allOf/1/properties/is_user_exist/const").asInt()).isEqualTo(1);
    }

    @Test
    void describesTheUnsavedUserInItsOrder() {
        JsonNode provisional = schemas.get("ProvisionalUserView");
        // <platform>_openid comes first and <platform>_unionid before the flag: both are pattern properties.
        assertThat(names(provisional.get("properties"))).containsExactly("nickname", "avatar", "gender", "province",
                "city", "county", "mobile", "referrer", "is_mandatory_bind_mobile");
        assertThat(provisional.at("/properties/gender/type").asText()).isEqualTo("integer");
        assertThat(provisional.at("/properties/referrer/type").asText()).isEqualTo("integer");
    }

    private void assertView(String name, List<String> answered) {
        JsonNode view = schemas.get(name);
        assertThat(names(view.get("properties"))).as(name).isEqualTo(answered);
        List<String> required = new ArrayList<>();
        view.get("required").forEach(field -> required.add(field.asText()));
        assertThat(required).as(name).isEqualTo(answered);
        view.get("properties").fields().forEachRemaining(field -> assertThat(field.getValue().get("type").asText())
                .as(name + "." + field.getKey())
                .isEqualTo(INTEGER_FIELDS.contains(field.getKey()) ? "integer" : "string"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode schemas() {
        try {
            return new ObjectMapper().readTree(OpenApiRoute.document(ShopxoDialect.V6)).at("/components/schemas");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
