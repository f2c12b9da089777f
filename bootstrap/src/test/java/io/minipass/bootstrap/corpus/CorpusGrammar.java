package io.minipass.bootstrap.corpus;

import io.minipass.bootstrap.corpus.CorpusCase.Expect;
import io.minipass.bootstrap.corpus.Requests.Encoding;
import io.minipass.bootstrap.corpus.Requests.Param;
import io.minipass.domain.user.Platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.minipass.bootstrap.corpus.Requests.param;

/**
 * The corpus: requests generated from a small grammar of ShopXO's routes, their parameters and the ways a client gets
 * them wrong, each with what the service must do ({@link ShopxoOracle}). Families:
 * <ul>
 *   <li>{@code matrix}: each route × each {@code application_client_type} (the six, unknown ones, odd spellings) ×
 *       each method;</li>
 *   <li>{@code probes}: the probes, an unknown route and the bare entry point × each method;</li>
 *   <li>{@code values}: each parameter of a route × hostile values (wrong JSON types, empty, huge, control and
 *       look-alike characters) × each body encoding;</li>
 *   <li>{@code conflicts}: the same parameter in the query and the body, repeated in one form, {@code a[]=} after
 *       {@code a=};</li>
 *   <li>{@code encodings}: one valid login in every body encoding and under odd types, charsets and framing;</li>
 *   <li>{@code paths}: the path forms and odd paths (encoded slashes, dot segments, case, long routes).</li>
 * </ul>
 * Ids are fresh per case, so a valid login is a registration unless the case reuses a value on purpose. The few
 * random choices use a fixed seed, so a failing case replays.
 */
final class CorpusGrammar {
    static final List<String> USER_ROUTES = List.of("user/appminiuserinfo", "user/appminiuserauth",
            "user/onekeyusermobilebind", "user/tokenuserinfo");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND");
    private static final Map<Platform, String> SESSION_KEYS = Map.of(
            Platform.WEIXIN, "3q2+7wEjRWeJq83vASNFZw==", Platform.QQ, "ZGVtb3Nlc3Npb25rZXkxMg==",
            Platform.TOUTIAO, "Zm9vYmFyYmF6cXV4MTIzNA==", Platform.BAIDU, "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj",
            Platform.KUAISHOU, "a3VhaXNob3VkZW1va2V5MQ==", Platform.ALIPAY, "");

    /** What the platforms' stub must accept: a login code of a platform, proving an openid. */
    interface Stubs {
        void willAccept(Platform platform, String code, String openId, String unionId, String sessionKey);
    }

    private final Random random = new Random(29);
    private final Stubs stubs;
    private final String liveToken;
    private final Set<String> knownCodes = new HashSet<>();
    private final ShopxoOracle oracle;
    private final List<CorpusCase> cases = new ArrayList<>();
    private int fresh;

    /** @param v6 the service answers as ShopXO v6.7 (on v3.0–v6.7's tables) */
    CorpusGrammar(Stubs stubs, String liveToken, boolean v6) {
        this.stubs = stubs;
        this.liveToken = liveToken;
        this.oracle = new ShopxoOracle(knownCodes, liveToken, v6);
    }

    List<CorpusCase> generate() {
        matrix();
        probes();
        values();
        conflicts();
        encodings();
        paths();
        return List.copyOf(cases);
    }

    // --- the value grammar ----------------------------------------------------------------------------------------

    static List<Value> platformValues() {
        List<Value> values = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            values.add(Value.text(platform.clientType(), platform.clientType()));
        }
        values.add(Value.text("' WeiXin ' (case, spaces)", " WeiXin "));
        values.add(Value.text("'' (pc)", ""));
        values.add(Value.text("pc", "pc"));
        values.add(Value.text("wechat", "wechat"));
        values.add(Value.text("h5", "h5"));
        values.add(Value.text("<script>", "<script>alert(1)</script>"));
        values.add(new Value("[weixin]", List.of("weixin")));
        values.add(new Value("number 1", 1L));
        return values;
    }

    /** Values of the wrong type, empty, huge or odd; any of them may go where a string goes. */
    static List<Value> hostileValues() {
        List<Value> values = new ArrayList<>();
        values.add(Value.absent());
        values.add(Value.text("''", ""));
        values.add(Value.text("'0'", "0"));
        values.add(Value.text("' '", " "));
        values.add(new Value("null", null));
        values.add(new Value("true", true));
        values.add(new Value("false", false));
        values.add(new Value("number 12345", 12345L));
        values.add(new Value("number 0", 0L));
        values.add(new Value("[x]", List.of("x")));
        values.add(new Value("[]", List.of()));
        values.add(new Value("{a:x}", Map.of("a", "x")));
        values.add(new Value("{}", Map.of()));
        values.add(Value.text("60 chars", "b".repeat(60)));
        values.add(Value.text("61 chars", "a".repeat(61)));
        values.add(Value.text("200,000 chars", "h".repeat(200_000)));
        values.add(Value.text("NUL inside", "o\u0000nul"));
        values.add(Value.text("Cyrillic look-alike", "оpenid"));
        values.add(Value.text("emoji", "o😀"));
        values.add(Value.text("<script>", "<script>alert(1)</script>"));
        values.add(Value.text("SQL quote", "o';DROP/**/TABLE--"));
        return values;
    }

    /** auth_data's own odd texts, beside {@link #hostileValues()}. */
    static List<Value> profileTexts() {
        return List.of(
                Value.text("JSON text", "{\"nickName\":\"corpus\",\"gender\":1}"),
                Value.text("HTML-escaped JSON", "{&quot;nickName&quot;:&quot;escaped&quot;}"),
                Value.text("JSON array text", "[1,2]"),
                Value.text("broken JSON", "{\"nickName\":"),
                Value.text("JSON 'null' text", "null"),
                Value.text("huge nickname", "{\"nickName\":\"" + "长".repeat(60_000) + "\"}"),
                Value.text("65-digit number", "{\"gender\":" + "9".repeat(65) + "}"),
                Value.text("nested 40 deep", "{\"a\":".repeat(40) + "1" + "}".repeat(40)),
                new Value("profile object", Map.of("nickName", "obj", "city", "深圳")));
    }

    // --- families -------------------------------------------------------------------------------------------------

    private void matrix() {
        List<String> routes = new ArrayList<>(USER_ROUTES);
        routes.addAll(ShopxoOracle.V6_ROUTES); // v6.4's, unknown routes on ShopXO v2's table
        for (String route : routes) {
            for (Value platform : platformValues()) {
                for (String method : METHODS) {
                    List<Param> query = new ArrayList<>(List.of(param("application", "app"),
                            param("application_client_type", platform)));
                    List<Param> own = validParams(route, ShopxoOracle.platform(Map.of("application_client_type", platform)));
                    Encoding encoding = pick(Encoding.FORM, Encoding.MULTIPART, Encoding.JSON);
                    if (method.equals("GET")) { // a GET carries everything in its query
                        query.addAll(own);
                        add("matrix", route, method + " " + platform, method, "/api.php?s=" + route, query, List.of(), encoding);
                    } else {
                        add("matrix", route, method + " " + platform + " " + encoding, method, "/api.php?s=" + route,
                                query, own, encoding);
                    }
                }
            }
        }
    }

    private void probes() {
        for (String route : List.of("minipass/health", "minipass/ready", "user/nosuchroute", "")) {
            for (String method : METHODS) {
                add("probes", route.isEmpty() ? "(none)" : route, method, method,
                        route.isEmpty() ? "/api.php" : "/api/" + route, List.of(), List.of(), Encoding.FORM);
            }
        }
    }

    private void values() {
        List<String> infoParams = List.of("openid", "auth_data", "unionid", "referrer", "application_client_type",
                "system_type", "lang");
        for (String name : infoParams) {
            List<Value> values = new ArrayList<>(hostileValues());
            if (name.equals("auth_data")) {
                values.addAll(profileTexts());
            }
            if (name.equals("application_client_type")) {
                values.addAll(platformValues());
            }
            for (Value value : values) {
                for (Encoding encoding : List.of(Encoding.FORM, Encoding.MULTIPART, Encoding.JSON)) {
                    List<Param> body = replace(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), name, value);
                    add("values", "user/appminiuserinfo", name + "=" + value + " " + encoding, "POST",
                            "/api.php?s=user/appminiuserinfo", commonQuery("weixin"), body, encoding);
                }
            }
        }
        List<Value> tokens = new ArrayList<>(hostileValues());
        tokens.addAll(List.of(Value.text("the live token", liveToken), Value.text("live token + space", liveToken + " "),
                Value.text("live token upper-cased", liveToken.toUpperCase()), new Value("[live token]", List.of(liveToken)),
                Value.text("live token + NUL", liveToken + "\u0000")));
        for (Value token : tokens) {
            if (token.text().length() > 10_000) { // a request line Jetty refuses before the service reads it
                String target = "/api.php?s=user/tokenuserinfo&token=" + "t".repeat(20_000);
                cases.add(new CorpusCase(cases.size() + 1, "values", "user/tokenuserinfo", "token=20,000 chars GET",
                        new RawHttp.Request("GET", target, Map.of(), new byte[0]), Expect.refused(-1, "请求格式有误")));
            } else {
                add("values", "user/tokenuserinfo", "token=" + token + " GET", "GET", "/api.php?s=user/tokenuserinfo",
                        List.of(param("token", token)), List.of(), Encoding.FORM);
            }
            for (Encoding encoding : List.of(Encoding.FORM, Encoding.JSON)) {
                add("values", "user/tokenuserinfo", "token=" + token + " " + encoding, "POST", "/api.php?s=user/tokenuserinfo",
                        List.of(), List.of(param("token", token)), encoding);
            }
        }
        List<Value> codes = new ArrayList<>(hostileValues());
        codes.add(Value.text("a code the platform refuses", "refused-code"));
        for (Value code : codes) {
            for (String name : List.of("authcode", "code")) {
                Encoding encoding = pick(Encoding.FORM, Encoding.MULTIPART, Encoding.JSON);
                add("values", "user/appminiuserauth", name + "=" + code + " " + encoding, "POST",
                        "/api.php?s=user/appminiuserauth", commonQuery("weixin"), List.of(param(name, code)), encoding);
            }
        }
    }

    private void conflicts() {
        List<Value> bad = List.of(Value.text("''", ""), new Value("[x]", List.of("x")), Value.text("61 chars", "a".repeat(61)),
                new Value("{a:x}", Map.of("a", "x")), new Value("null", null));
        for (Value hostile : bad) {
            for (Encoding encoding : List.of(Encoding.FORM, Encoding.MULTIPART, Encoding.JSON, Encoding.TEXT_PLAIN)) {
                String good = freshId("oq");
                List<Param> rest = List.of(param("auth_data", "{\"nickName\":\"conflict\"}"));
                // valid in the query, hostile in the body: the body wins
                List<Param> query = new ArrayList<>(commonQuery("weixin"));
                query.add(param("openid", good));
                add("conflicts", "user/appminiuserinfo", "query openid=valid, body openid=" + hostile + " " + encoding, "POST",
                        "/api.php?s=user/appminiuserinfo", query, concat(List.of(param("openid", hostile)), rest), encoding);
                // hostile in the query, valid in the body
                query = new ArrayList<>(commonQuery("weixin"));
                query.add(param("openid", hostile));
                add("conflicts", "user/appminiuserinfo", "query openid=" + hostile + ", body openid=valid " + encoding, "POST",
                        "/api.php?s=user/appminiuserinfo", query, concat(List.of(param("openid", freshId("ob"))), rest), encoding);
            }
            // repeated in one form: the last one counts, as in PHP
            add("conflicts", "user/appminiuserinfo", "form openid=valid then openid=" + hostile, "POST",
                    "/api.php?s=user/appminiuserinfo", commonQuery("weixin"),
                    List.of(param("openid", freshId("or")), param("openid", hostile), param("auth_data", "{}")), Encoding.FORM);
            add("conflicts", "user/appminiuserinfo", "form openid=" + hostile + " then openid=valid", "POST",
                    "/api.php?s=user/appminiuserinfo", commonQuery("weixin"),
                    List.of(param("openid", hostile), param("openid", freshId("or")), param("auth_data", "{}")), Encoding.FORM);
            add("conflicts", "user/appminiuserinfo", "JSON openid=valid then openid=" + hostile + " (a duplicate key)", "POST",
                    "/api.php?s=user/appminiuserinfo", commonQuery("weixin"),
                    List.of(param("openid", freshId("oj")), param("openid", hostile), param("auth_data", "{}")), Encoding.JSON);
        }
        for (Value platform : platformValues()) {
            for (Encoding encoding : List.of(Encoding.FORM, Encoding.JSON)) {
                add("conflicts", "user/appminiuserinfo", "query weixin, body application_client_type=" + platform + " " + encoding,
                        "POST", "/api.php?s=user/appminiuserinfo", commonQuery("weixin"),
                        concat(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)),
                                List.of(param("application_client_type", platform))), encoding);
                add("conflicts", "user/appminiuserinfo", "query " + platform + ", body application_client_type=weixin " + encoding,
                        "POST", "/api.php?s=user/appminiuserinfo",
                        List.of(param("application", "app"), param("application_client_type", platform)),
                        concat(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)),
                                List.of(param("application_client_type", "weixin"))), encoding);
            }
        }
        // authcode empty, the older clients' code valid; authcode refused, code valid (authcode wins)
        String code = knownCode(Platform.WEIXIN);
        add("conflicts", "user/appminiuserauth", "authcode='' code=valid", "POST", "/api.php?s=user/appminiuserauth",
                commonQuery("weixin"), List.of(param("authcode", ""), param("code", code)), Encoding.FORM);
        add("conflicts", "user/appminiuserauth", "authcode=refused code=valid", "POST", "/api.php?s=user/appminiuserauth",
                commonQuery("weixin"), List.of(param("authcode", "refused-code"), param("code", knownCode(Platform.WEIXIN))), Encoding.FORM);
        add("conflicts", "user/tokenuserinfo", "query token=live, body token=''", "POST", "/api.php?s=user/tokenuserinfo",
                List.of(param("token", liveToken)), List.of(param("token", "")), Encoding.FORM);
        add("conflicts", "user/tokenuserinfo", "query token='', body token=live", "POST", "/api.php?s=user/tokenuserinfo",
                List.of(param("token", "")), List.of(param("token", liveToken)), Encoding.JSON);
        add("conflicts", "user/tokenuserinfo", "query token=live, text/plain body token=''", "POST", "/api.php?s=user/tokenuserinfo",
                List.of(param("token", liveToken)), List.of(param("token", "")), Encoding.TEXT_PLAIN);
    }

    private void encodings() {
        for (Encoding encoding : Encoding.values()) {
            add("encodings", "user/appminiuserinfo", encoding.name(), "POST", "/api.php?s=user/appminiuserinfo",
                    commonQuery("weixin"), validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), encoding);
        }
        String path = Requests.target("/api.php?s=user/appminiuserinfo", commonQuery("weixin"));
        record Odd(String name, Map<String, String> headers, byte[] body, Expect expect) {
        }
        List<Odd> odd = new ArrayList<>();
        byte[] form = Requests.body(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), Encoding.FORM);
        byte[] json = Requests.body(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), Encoding.JSON);
        odd.add(new Odd("form, charset=gbk", Map.of("Content-Type", "application/x-www-form-urlencoded; charset=gbk"), form, Expect.login()));
        odd.add(new Odd("JSON, charset=iso-8859-1", Map.of("Content-Type", "application/json; charset=iso-8859-1"), json, Expect.login()));
        odd.add(new Odd("JSON type in capitals", Map.of("Content-Type", "APPLICATION/JSON"), json, Expect.login()));
        odd.add(new Odd("JSON with a BOM", Map.of("Content-Type", "application/json"), concat(new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, json), Expect.login()));
        odd.add(new Odd("form chunked", Map.of("Content-Type", "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked"),
                chunked(form), Expect.login()));
        odd.add(new Odd("Content-Encoding gzip, body not gzipped", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Content-Encoding", "gzip"), form, Expect.noWrite()));
        odd.add(new Odd("JSON under Content-Encoding gzip, body not gzipped", Map.of("Content-Type", "application/json",
                "Content-Encoding", "gzip"), json, Expect.noWrite()));
        odd.add(new Odd("application/xml", Map.of("Content-Type", "application/xml"), form, Expect.refused(-1, "openid为空")));
        odd.add(new Odd("multipart without boundary", Map.of("Content-Type", "multipart/form-data"), form, Expect.refused(-1, null)));
        odd.add(new Odd("multipart, wrong boundary", Map.of("Content-Type", "multipart/form-data; boundary=other"),
                Requests.body(validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), Encoding.MULTIPART), Expect.refused(-1, null)));
        odd.add(new Odd("JSON type, form body", Map.of("Content-Type", "application/json"), form, Expect.refused(-1, "请求的JSON数据格式有误")));
        odd.add(new Odd("JSON array body", Map.of("Content-Type", "application/json"), bytes("[" + new String(json, StandardCharsets.UTF_8) + "]"),
                Expect.refused(-1, "请求的JSON数据须为对象")));
        odd.add(new Odd("JSON null body", Map.of("Content-Type", "application/json"), bytes("null"), Expect.refused(-1, "请求的JSON数据须为对象")));
        odd.add(new Odd("JSON string body", Map.of("Content-Type", "application/json"), bytes("\"openid\""), Expect.refused(-1, "请求的JSON数据须为对象")));
        odd.add(new Odd("empty JSON body", Map.of("Content-Type", "application/json"), new byte[0], Expect.refused(-1, "openid为空")));
        odd.add(new Odd("JSON nested 40 deep", Map.of("Content-Type", "application/json"),
                bytes("{\"openid\":\"o-deep\",\"x\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}"), Expect.refused(-1, "请求的JSON数据层级或成员过多")));
        odd.add(new Odd("JSON of 2,000 members", Map.of("Content-Type", "application/json"),
                bytes("{\"openid\":\"o-wide\"" + ",\"k\":1".repeat(2_000) + "}"), Expect.refused(-1, "请求的JSON数据层级或成员过多")));
        odd.add(new Odd("JSON 65-digit number", Map.of("Content-Type", "application/json"),
                bytes("{\"openid\":\"o-big\",\"n\":" + "9".repeat(65) + "}"), Expect.refused(-1, "请求的JSON数据格式有误")));
        odd.add(new Odd("JSON trailing garbage", Map.of("Content-Type", "application/json"),
                bytes(new String(json, StandardCharsets.UTF_8) + "}x"), Expect.refused(-1, "请求的JSON数据格式有误")));
        odd.add(new Odd("form over 1 MB", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("openid=o-big&auth_data=" + "a".repeat(1_100_000)), Expect.refused(-1, "请求数据过大")));
        odd.add(new Odd("multipart over 1 MB", Map.of("Content-Type", "multipart/form-data; boundary=" + Requests.BOUNDARY),
                bytes("--" + Requests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"openid\"\r\n\r\n" + "a".repeat(1_100_000)
                        + "\r\n--" + Requests.BOUNDARY + "--\r\n"), Expect.refused(-1, null)));
        odd.add(new Odd("form of 1,500 fields", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("openid=o-many&auth_data=%7B%7D" + "&f=1".repeat(1_500)), Expect.login()));
        odd.add(new Odd("form, openid after 1,000 fields (ignored)", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("auth_data=%7B%7D" + "&f=1".repeat(1_000) + "&openid=o-late"), Expect.refused(-1, "openid为空")));
        odd.add(new Odd("form, invalid UTF-8 in openid", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("openid=o%FF%FE&auth_data=%7B%7D"), Expect.refused(-1, "openid格式有误")));
        odd.add(new Odd("form, raw invalid UTF-8 bytes", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                concat(bytes("openid=o"), new byte[]{(byte) 0xc3, (byte) 0x28}, bytes("&auth_data=%7B%7D")), Expect.refused(-1, "openid格式有误")));
        odd.add(new Odd("form, broken percent escapes", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bytes("openid=%zz%&auth_data=%7"), Expect.noWrite()));
        for (Odd o : odd) {
            int number = cases.size() + 1;
            cases.add(new CorpusCase(number, "encodings", "user/appminiuserinfo", o.name(),
                    new RawHttp.Request("POST", path, o.headers(), o.body()), o.expect()));
        }
    }

    private void paths() {
        String tokenQuery = "token=" + liveToken;
        Map<String, Expect> read = new LinkedHashMap<>();
        read.put("/api.php?s=user/tokenuserinfo&" + tokenQuery, Expect.read());
        read.put("/api.php/user/tokenuserinfo?" + tokenQuery, Expect.read());
        read.put("/api/user/tokenuserinfo?" + tokenQuery, Expect.read());
        read.put("/API.PHP/User/TokenUserInfo.html?" + tokenQuery, Expect.read());
        read.put("/api.php?s=/User/TokenUserInfo.html&" + tokenQuery, Expect.read());
        read.put("/api.php?s=user%2Ftokenuserinfo&" + tokenQuery, Expect.read());
        read.put("/api.php?s=%20user/tokenuserinfo%20&" + tokenQuery, Expect.read());
        read.put("/api.php/user/tokenuserinfo?s=user/appminiuserinfo&" + tokenQuery, Expect.read());
        read.put("http://127.0.0.1/api.php?s=user/tokenuserinfo&" + tokenQuery, Expect.noWrite()); // Host names a port
        read.put("/api.php?s=user/../user/tokenuserinfo&" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/api.php?s=user/tokenuserinfo%00&" + tokenQuery, Expect.read()); // PHP's trim() strips NUL too
        read.put("/api.php?s[]=user/tokenuserinfo&" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/api.php?s=" + "x".repeat(5_000) + "&" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/api.php?s=user/tokenuserinfo&s=user/nosuch&" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/index.php?s=user/tokenuserinfo&" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/?" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/apix/user/tokenuserinfo?" + tokenQuery, Expect.refused(-1000, "接口不存在"));
        read.put("/api.php/user%2Ftokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php/user%252Ftokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php/user/../user/tokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php/..%2F..%2Fetc/passwd?" + tokenQuery, Expect.noWrite());
        read.put("/api.php//user//tokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php;x=1/user/tokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php%00/user/tokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/%61pi.php/user/tokenuserinfo?" + tokenQuery, Expect.noWrite());
        read.put("/api.php/user/tokenuserinfo?" + tokenQuery + "&" + "q=" + "z".repeat(100_000), Expect.noWrite());
        read.put("/api.php/user/tokenuserinfo?%zz=1&" + tokenQuery, Expect.noWrite());
        for (Map.Entry<String, Expect> path : read.entrySet()) {
            int number = cases.size() + 1;
            cases.add(new CorpusCase(number, "paths", "user/tokenuserinfo", "GET " + RawHttp.cut(path.getKey(), 120),
                    new RawHttp.Request("GET", path.getKey(), Map.of(), new byte[0]), path.getValue()));
        }
        for (String form : List.of("/api.php?s=user/appminiuserinfo", "/api.php/user/appminiuserinfo", "/api/user/appminiuserinfo",
                "/Api.Php/USER/APPMINIUSERINFO.html", "/api.php?s=user/appminiuserinfo.html")) {
            add("paths", "user/appminiuserinfo", "POST " + form, "POST", form, commonQuery("weixin"),
                    validParams("user/appminiuserinfo", Optional.of(Platform.WEIXIN)), Encoding.FORM);
        }
    }

    // --- building blocks ------------------------------------------------------------------------------------------

    /** A route's own parameters as a valid request of that platform sends them (fresh ids, a code the stub knows). */
    private List<Param> validParams(String route, Optional<Platform> platform) {
        Platform p = platform.orElse(Platform.WEIXIN);
        return switch (route) {
            case "user/appminiuserinfo" -> List.of(param("openid", freshId("oi")), param("unionid", freshId("un")),
                    param("auth_data", "{\"nickName\":\"corpus\",\"avatarUrl\":\"https://example.com/a.png\",\"gender\":1}"),
                    param("referrer", "0"));
            case "user/appminiuserauth" -> List.of(param("authcode", knownCode(p)), param("referrer", "0"));
            case "user/onekeyusermobilebind" -> List.of(param("openid", freshId("om")), param("code", "phone-code-" + fresh),
                    param("encrypted_data", "c2VhbGVk"), param("iv", "r7BXXKkLb8qrSNn05n0qiA=="), param("nickname", "bind"));
            case "user/onekeyusermobiledecrypt" -> List.of(param("openid", freshId("od")), param("code", "phone-code-" + fresh));
            case "user/userbasereg" -> List.of(param("openid", freshId("og")), param("avatar", "https://example.com/a.png"),
                    param("nickname", "reg"), param("mobile", "13800138000"));
            case "user/tokenuserinfo" -> List.of(param("token", liveToken));
            default -> List.of();
        };
    }

    private String knownCode(Platform platform) {
        String code = "code-" + platform.clientType() + "-" + (++fresh);
        String unionId = platform.hasUnionId() ? freshId("ua") : "";
        stubs.willAccept(platform, code, freshId("oa" + platform.clientType().charAt(0)), unionId, SESSION_KEYS.get(platform));
        knownCodes.add(platform.clientType() + ":" + code);
        return code;
    }

    private String freshId(String prefix) {
        return prefix + "-corpus-" + (++fresh);
    }

    private static List<Param> commonQuery(String platform) {
        return List.of(param("application", "app"), param("application_client_type", platform),
                param("system_type", "default"), param("uuid", "corpus-uuid"));
    }

    private static List<Param> replace(List<Param> params, String name, Value value) {
        List<Param> replaced = new ArrayList<>();
        boolean found = false;
        for (Param p : params) {
            if (p.name().equals(name)) {
                replaced.add(param(name, value));
                found = true;
            } else {
                replaced.add(p);
            }
        }
        if (!found) {
            replaced.add(param(name, value));
        }
        return replaced;
    }

    private void add(String kind, String route, String name, String method, String path, List<Param> query, List<Param> body,
                     Encoding encoding) {
        Map<String, Value> given = Requests.effective(query, body, encoding);
        String resolved = route.equals("(none)") ? "" : route;
        Expect expect = oracle.expect(method, resolved, given, Requests.formEffective(query, body, encoding));
        int number = cases.size() + 1;
        cases.add(new CorpusCase(number, kind, route, name, Requests.build(method, path, query, body, encoding), expect));
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 7) {
            int length = Math.min(7, body.length - at);
            out.writeBytes(bytes(Integer.toHexString(length) + "\r\n"));
            out.write(body, at, length);
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("0\r\n\r\n"));
        return out.toByteArray();
    }
}
