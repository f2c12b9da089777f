package io.minipass.adapters.web;

import java.util.List;
import java.util.Objects;

/**
 * ShopXO's answer envelope {@code {"msg": ..., "code": ..., "data": ...}}; code 0 is success.
 * Errors carry {@code "data": []} as ShopXO's do.
 */
public record ApiResult(String msg, int code, Object data) {
    public static final int OK = 0;
    public static final int FAILED = -1;
    public static final int ACCOUNT_EXISTS = -10;
    public static final int STORAGE_FAILED = -100;
    public static final int USER_STATE_FORBIDS_LOGIN = -110;
    public static final int USER_NOT_AUDITED = -301;
    public static final int TOKEN_INVALID = -400;
    /** Too many attempts from one address or for one openid lately; nothing was done. */
    public static final int OVER_BUDGET = -429;
    public static final int UNKNOWN_ROUTE = -1000;

    public ApiResult {
        msg = msg == null ? "" : msg;
        data = data == null ? List.of() : data;
    }

    public static ApiResult success(String msg, Object data) {
        return new ApiResult(msg, OK, data);
    }

    public static ApiResult error(int code, String msg) {
        if (code == OK) {
            throw new IllegalArgumentException("an error needs a non-zero code");
        }
        return new ApiResult(Objects.requireNonNull(msg, "msg"), code, List.of());
    }

    /** Bad input or a generic failure (code -1). */
    public static ApiResult failed(String msg) {
        return error(FAILED, msg);
    }
}
