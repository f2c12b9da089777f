package io.minipass.adapters.web.user;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The platforms' phone-number check: a proof (WeChat's {@code code}, else {@code encrypted_data}) a test
 * registered answers its mobile or its failure; any other fails as WeChat's 40029.
 */
final class FakePhoneNumbers implements VerifyPhoneNumberPort {
    static final String INVALID_CODE = "微信手机号获取失败[40029 invalid code]";

    private final Map<String, Supplier<String>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    record Call(Platform platform, OpenId openId, PhoneProof proof) {
    }

    void answer(String proof, String mobile) {
        answers.put(proof, () -> mobile);
    }

    void fail(String proof, RuntimeException failure) {
        answers.put(proof, () -> {
            throw failure;
        });
    }

    @Override
    public String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof) {
        calls.add(new Call(platform, openId, proof));
        String key = proof.code().isEmpty() ? proof.encryptedData() : proof.code();
        Supplier<String> answer = answers.get(key);
        if (answer == null) {
            throw new PlatformCallFailedException(platform, INVALID_CODE);
        }
        return answer.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
