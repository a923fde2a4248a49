using System.ComponentModel.DataAnnotations;

namespace Sophia.Chatbot.Hosting;

/// <summary>The app's settings (configuration section <c>Sophia</c>: <c>--Sophia:IdleTimeout=00:10:00</c> or <c>Sophia__AdminApiKey</c>).</summary>
internal sealed class SophiaOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sophia";

    /// <summary>Gets or sets how long a conversation lives without a message before it is deleted. The default is 15 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the API requests one client address may make per <see cref="RequestWindow"/>. The default is 60.</summary>
    [Range(1, 100_000)]
    public int RequestsPerWindow { get; set; } = 60;

    /// <summary>Gets or sets the window of <see cref="RequestsPerWindow"/>. The default is one minute.</summary>
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the key the admin endpoints require in the <c>X-Api-Key</c> header; none (the default) disables them.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Gets or sets where quick exit sends the browser. The default is a neutral public site.</summary>
    public string QuickExitUrl { get; set; } = "https://www.wikipedia.org/";

    /// <summary>Gets or sets the longest message accepted, in characters. The default is 2,000.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Gets or sets how many conversations may be open at once. The default is 1,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Gets or sets the folder of the encrypted evidence safes. The default is <c>sophia-evidence</c> in the temporary folder.</summary>
    public string EvidenceFolder { get; set; } = Path.Combine(Path.GetTempPath(), "sophia-evidence");

    /// <summary>Gets or sets the iterations of the evidence safe's key derivation. The default is 600,000 (OWASP 2023).</summary>
    [Range(1_000, 20_000_000)]
    public int EvidenceKdfIterations { get; set; } = 600_000;
}
