package io.minipass.adapters.platforms.phone;

import java.util.Map;

/** A WeChat API answer read as JSON; success is judged by {@code errcode}, absent meaning 0. */
record WechatReply(Map<String, Object> body) {

    long errcode() {
        Object value = body.get("errcode");
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    boolean isSuccess() {
        return errcode() == 0;
    }

    /** {@code [code: message]} without the request id WeChat appends, for messages shown to clients. */
    String errorLabel() {
        return "[" + errcode() + ": " + cleanErrmsg(body.get("errmsg")) + "]";
    }

    String text(String field) {
        Object value = body.get(field);
        return value instanceof String text ? text : "";
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field) {
        Object value = body.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static String cleanErrmsg(Object errmsg) {
        if (!(errmsg instanceof String text)) {
            return "";
        }
        String cleaned = text;
        for (String marker : new String[] {" rid:", ",rid:", " hints:", ",hints:", " hint:", ",hint:"}) {
            int at = cleaned.indexOf(marker);
            if (at >= 0) {
                cleaned = cleaned.substring(0, at);
            }
        }
        cleaned = cleaned.strip();
        while (cleaned.endsWith(",")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        return cleaned;
    }
}
