namespace Sophia.Chatbot.Demo;

/// <summary>The console demo (filled in later).</summary>
internal static class SophiaDemo
{
    /// <summary>Plays the scripted conversation.</summary>
    public static Task<int> RunAsync(TextWriter output, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        _ = args;
        _ = cancellationToken;
        return Task.FromResult(0);
    }
}
