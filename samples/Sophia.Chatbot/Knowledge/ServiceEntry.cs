namespace Sophia.Chatbot.Knowledge;

/// <summary>A service of the directory: an emergency number, helpline, shelter network, legal or counselling service.</summary>
/// <param name="Id">The service id, unique in the knowledge base.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 code, or <see cref="SophiaKnowledgeBase.DefaultCountry"/>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Name">The name the user sees, in every language.</param>
/// <param name="Phone">The number as dialled in the country, or <see langword="null"/> (then <paramref name="Sms"/> or <paramref name="Url"/> is set).</param>
/// <param name="Sms">A number that takes text messages, or <see langword="null"/>.</param>
/// <param name="Url">The service's web address, or <see langword="null"/>.</param>
/// <param name="Languages">The ISO 639-1 codes of the languages it answers in.</param>
/// <param name="Hours">When it is open (for example <c>24/7</c>), or <see langword="null"/> when not known.</param>
/// <param name="Topics">The topics whose answers list it (for example <c>shelters</c>, <c>children</c>).</param>
/// <param name="Notice">The caution the UI shows with it: <c>illustrative — check before use</c>.</param>
/// <param name="Source">The public page the details come from.</param>
/// <param name="Date">When the entry was written against that source.</param>
internal sealed record ServiceEntry(
    string Id,
    string Country,
    ServiceKind Kind,
    LocalizedText Name,
    string? Phone,
    string? Sms,
    Uri? Url,
    IReadOnlyList<string> Languages,
    string? Hours,
    IReadOnlyList<string> Topics,
    string Notice,
    Uri Source,
    DateOnly Date);
