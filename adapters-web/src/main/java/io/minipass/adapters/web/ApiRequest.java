package io.minipass.adapters.web;

import io.minipass.adapters.web.php.PhpValues;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.domain.user.Platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One API call as an endpoint sees it: its route, the merged query and body parameters
 * (values are String, Number, Boolean, null, nested Map or List), those of the query and a form body alone,
 * and the base URL it was made to.
 */
public final class ApiRequest {
    private final String route;
    private final Map<String, Object> parameters;
    private final Map<String, Object> formParameters;
    private final String baseUrl;
    private final String clientAddress;

    /**
     * @param route          the normalized route name, e.g. {@code user/appminiuserinfo}
     * @param parameters     the merged parameters, body values over query values
     * @param formParameters the query and a urlencoded or multipart body's parameters, body values over query values,
     *                       never a JSON body's: what PHP's {@code $_REQUEST} holds
     * @param baseUrl        {@code scheme://host[:port]} of the request, without a trailing slash
     * @param clientAddress  where the request came from, "" when unknown
     */
    public ApiRequest(String route, Map<String, Object> parameters, Map<String, Object> formParameters, String baseUrl,
                      String clientAddress) {
        this.route = Objects.requireNonNull(route, "route");
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.formParameters = formParameters == parameters
                ? this.parameters : Collections.unmodifiableMap(new LinkedHashMap<>(formParameters));
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    }

    public String route() {
        return route;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Where the request came from, for attempt budgets. */
    public ClientAddress clientAddress() {
        return new ClientAddress(clientAddress);
    }

    /** The raw value, null when absent. */
    public Object value(String name) {
        return parameters.get(name);
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** PHP's {@code empty()}: absent, "", "0", 0, false, null or an empty array. */
    public boolean isEmpty(String name) {
        return PhpValues.isEmpty(parameters.get(name));
    }

    /** A scalar as text; absent, null, arrays and objects read "". */
    public String text(String name) {
        return PhpValues.text(parameters.get(name));
    }

    /** A scalar as text, or {@code fallback} when the value is empty in PHP's sense. */
    public String text(String name, String fallback) {
        return isEmpty(name) ? fallback : text(name);
    }

    /** A scalar as text; empty when absent, null, an array or an object. */
    public Optional<String> scalar(String name) {
        Object value = parameters.get(name);
        return PhpValues.isScalar(value) ? Optional.of(PhpValues.text(value)) : Optional.empty();
    }

    /** A nested object ({@code a[b]=c} form fields or a JSON object); empty for anything else. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> map(String name) {
        Object value = parameters.get(name);
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    /** A scalar of the query or a form body as text; absent, null, arrays and objects read "". */
    public String formText(String name) {
        return PhpValues.text(formParameters.get(name));
    }

    /** ShopXO's {@code application_client_type}, trimmed, default {@code pc}. */
    public String clientType() {
        return clientTypeOf(text("application_client_type"));
    }

    /**
     * ShopXO's {@code application_client_type} as ShopXO v3 and later read it, from the query or a form body only;
     * trimmed, default {@code pc}.
     */
    public String formClientType() {
        return clientTypeOf(formText("application_client_type"));
    }

    private static String clientTypeOf(String sent) {
        String clientType = sent.trim();
        return clientType.isEmpty() || clientType.equals("0") ? "pc" : clientType;
    }

    /** The mini-program platform the client type names, if it names one. */
    public Optional<Platform> platform() {
        return Platform.fromClientType(clientType());
    }

    /** The {@code token} sent, "" when none. */
    public String token() {
        return text("token");
    }
}
