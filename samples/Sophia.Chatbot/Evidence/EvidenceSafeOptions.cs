namespace Sophia.Chatbot.Evidence;

/// <summary>How a new evidence safe derives its key. The values are stored in the safe's header and read back on open.</summary>
internal sealed class EvidenceSafeOptions
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: 600,000 iterations.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The lowest iteration count accepted (for tests; never use it for real evidence).</summary>
    public const int MinimumIterations = 1_000;

    /// <summary>The highest iteration count a safe's header may ask for (a bound against a header that would hang the app).</summary>
    public const int MaximumIterations = 20_000_000;

    /// <summary>Gets or sets the PBKDF2-HMAC-SHA256 iteration count of a new safe.</summary>
    /// <value>The default is <see cref="DefaultIterations"/> (600,000).</value>
    public int Iterations { get; set; } = DefaultIterations;
}
