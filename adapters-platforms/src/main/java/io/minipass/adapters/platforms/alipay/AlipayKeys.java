package io.minipass.adapters.platforms.alipay;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA keys as Alipay's key tool and console hand them out: PEM or the bare base64 body,
 * private keys as PKCS#8 (Java) or PKCS#1 (PHP, {@code BEGIN RSA PRIVATE KEY}). Messages never echo a key.
 */
public final class AlipayKeys {
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private AlipayKeys() {
    }

    /** @throws IllegalArgumentException when the text is not an RSA private key */
    public static PrivateKey privateKey(String text) {
        byte[] der = der(text, "应用私钥");
        KeyFactory rsa = rsa();
        try {
            return rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notPkcs8) {
            try {
                return rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
            } catch (GeneralSecurityException | RuntimeException notPkcs1) {
                throw new IllegalArgumentException("支付宝应用私钥格式有误(需RSA PKCS#8或PKCS#1)");
            }
        }
    }

    /** @throws IllegalArgumentException when the text is not an X.509 RSA public key */
    public static PublicKey publicKey(String text) {
        try {
            return rsa().generatePublic(new X509EncodedKeySpec(der(text, "公钥")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("支付宝公钥格式有误(需RSA X.509)");
        }
    }

    private static byte[] der(String text, String what) {
        StringBuilder base64 = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        try {
            return Base64.getMimeDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("支付宝" + what + "不是有效的base64");
        }
    }

    /** Wraps an RSAPrivateKey (PKCS#1) in a PrivateKeyInfo (PKCS#8) with version 0. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30);
        info.writeBytes(derLength(body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] encoded = new byte[bytes + 1];
        encoded[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            encoded[bytes - i] = (byte) (length >>> (8 * i));
        }
        return encoded;
    }

    private static KeyFactory rsa() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }
}
