package io.minipass.application.port.in;

/** A client that holds a token asks who it is logged in as ({@code user/tokenuserinfo}). */
public interface ResumeSessionUseCase {
    TokenLookup resume(String token);
}
