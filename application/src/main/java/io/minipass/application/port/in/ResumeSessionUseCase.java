package io.minipass.application.port.in;

/** A client that holds a token asks who it is logged in as ({@code user/tokenuserinfo}). */
public interface ResumeSessionUseCase {
    /** @throws OverBudgetException when this address has guessed too many tokens lately */
    TokenLookup resume(String token, ClientAddress from);
}
