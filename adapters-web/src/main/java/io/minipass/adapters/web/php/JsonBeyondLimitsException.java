package io.minipass.adapters.web.php;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** Well-formed JSON of more values, or deeper, than {@link JsonShapeLimits} allows. */
public final class JsonBeyondLimitsException extends JsonParseException {
    JsonBeyondLimitsException(JsonParser parser, String message) {
        super(parser, message);
    }
}
