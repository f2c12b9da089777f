package io.minipass.bootstrap.config;

import java.util.regex.Pattern;

/** Database URLs as log lines may show them: whatever credentials a URL carries are masked. */
public final class DatabaseUrls {
    static final String MASK = "***";

    /** {@code jdbc:mysql://user:password@host}, also per host in a list ({@code //u:p@h1,u:p@h2}). */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("((?://|,)[^/:@?;,()]*:)[^/@?;,()]*@");
    /**
     * A setting whose name holds "password" or "pwd" in any form the drivers read: Connector/J's
     * {@code ?password=}, {@code &password1=}, {@code trustCertificateKeyStorePassword=},
     * {@code address=(password=...)} and {@code (host=h,password=p)}; H2's {@code ;PASSWORD=}.
     */
    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)([a-z0-9_.\\-]*(?:password|pwd)[a-z0-9_.\\-]*\\s*=)[^;&,()]*");

    private DatabaseUrls() {
    }

    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1" + MASK + "@");
        return PASSWORD_SETTING.matcher(masked).replaceAll("$1" + MASK);
    }
}
