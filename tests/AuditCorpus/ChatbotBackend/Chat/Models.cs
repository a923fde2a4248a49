namespace ChatbotBackend.Chat;

public sealed record ConversationSummary(Guid Id, int Turns, string Language);

public sealed record CallerProfile(Guid Id, string Msisdn, string PreferredLanguage); // LEAK: NP1005

public sealed class Caller
{
    public Guid Id { get; init; }

    public string FullName { get; init; } = "";

    public string Email { get; init; } = "";

    public DateOnly DateOfBirth { get; init; }

    public string PreferredLanguage { get; init; } = "en";
}
