using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;
using Xunit.Abstractions;

namespace Nonprofit.AI.Guards.Tests.PiiRedaction;

/// <summary>
/// Session 30: personal data across a conversation. Each probe of <c>known-values-probes.jsonl</c> (50 conversations,
/// en fr es pt sw hi in both scripts, written for this test) gives a value once with its context ("my name is ...",
/// "I live at ...", "my ID number is ...") and then again without it: in a later user turn, a tool's result, the
/// restored assistant history, a function call's arguments, the same message, or a streamed reply the app sends back
/// as history. Through the real <see cref="PiiRedactionChatClient"/>, nothing the model receives may hold the value.
/// </summary>
public sealed partial class KnownValuesProbeTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions s_json = new(AIJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> ProbeIds() => [.. Probes().Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(ProbeIds))]
    public async Task Probe_NoValueReachesTheModel(string id)
    {
        var probe = Probes().Single(p => p.Id == id);
        var result = await RunAsync(probe, new InMemoryPseudonymVault());

        Assert.False(result.LeakedInCue, "the value was not found even in its context (a detection miss)");
        Assert.False(result.LeakedLater, "the value reached the model where it appeared again");
        Assert.Empty(result.LostWords);
        Assert.True(result.Restored, "the streamed reply was not restored for the user");
    }

    [Fact]
    public async Task Probes_BeforeAndAfter_Counted()
    {
        var probes = Probes();
        var before = await CountAsync(probes, () => new DetectionOnlyVault());
        var after = await CountAsync(probes, () => new InMemoryPseudonymVault());
        output.WriteLine($"probes {probes.Count}: detection only (a vault that cannot list) leaked {before.Leaked} ({before.Cue} in the cue turn), lost look-alike words {before.Lost}; with known values leaked {after.Leaked} ({after.Cue} in the cue turn), lost {after.Lost}");
        foreach (var line in before.ByKind.OrderBy(k => k.Key))
        {
            output.WriteLine($"  {line.Key}: detection only {line.Value}, known values {after.ByKind.GetValueOrDefault(line.Key)}");
        }

        // The probe set measures the gap: detection alone must leak on it, or it no longer tests anything.
        Assert.True(before.Leaked >= 10, $"detection alone leaked only {before.Leaked} of {probes.Count}");
        Assert.Equal(0, after.Leaked);
    }

    private async Task<(int Leaked, int Cue, int Lost, Dictionary<string, int> ByKind)> CountAsync(IReadOnlyList<Probe> probes, Func<IPseudonymVault> vault)
    {
        int leaked = 0, cue = 0, lost = 0;
        var byKind = new Dictionary<string, int>();
        foreach (var probe in probes)
        {
            var r = await RunAsync(probe, vault());
            byKind.TryAdd(probe.Kind, 0);
            if (r.LeakedInCue || r.LeakedLater)
            {
                output.WriteLine($"    leaked: {probe.Id}{(r.LeakedInCue ? " (cue turn)" : "")}");
                leaked++;
                byKind[probe.Kind]++;
            }

            cue += r.LeakedInCue ? 1 : 0;
            lost += r.LostWords.Count;
        }

        return (leaked, cue, lost, byKind);
    }

    /// <summary>
    /// Sends the conversation as an app would: a request at each user message with the history so far (and one at the
    /// end after a tool's result); in a streamed probe the model answers each request by greeting the first pseudonym it
    /// received, split into three-character updates, and the restored reply joins the history.
    /// </summary>
    private static async Task<ProbeResult> RunAsync(Probe probe, IPseudonymVault vault)
    {
        var model = new GreetingModel();
        using var client = new PiiRedactionChatClient(model, Pii.Detector, vault);
        var options = new ChatOptions { ConversationId = "probe-" + probe.Id };
        var history = new List<ChatMessage>();
        var restored = !probe.Stream;
        for (var i = 0; i < probe.Messages.Count; i++)
        {
            history.Add(probe.Messages[i]);
            var last = i == probe.Messages.Count - 1;
            if (probe.Messages[i].Role != ChatRole.User && !last)
            {
                continue;
            }

            if (probe.Stream)
            {
                var reply = (await client.GetStreamingResponseAsync(history, options).ToListAsync()).ToChatResponse();
                restored |= probe.Secrets.Any(s => reply.Text.Contains(s, StringComparison.OrdinalIgnoreCase));
                history.AddRange(reply.Messages);
            }
            else
            {
                await client.GetResponseAsync(history, options);
            }
        }

        var cueText = Serialise([model.Received[0][0]]);
        var laterText = string.Join("\n", model.Received.Select(r => Serialise(r.Skip(1))));
        var all = string.Join("\n", model.Received.Select(r => Serialise(r)));
        return new ProbeResult(
            probe.Secrets.Any(s => Leaks(s, cueText)),
            probe.Secrets.Any(s => Leaks(s, laterText)),
            [.. probe.Keep.Where(k => !all.Contains(k, StringComparison.Ordinal))],
            restored);
    }

    private static string Serialise(IEnumerable<ChatMessage> messages) => JsonSerializer.Serialize(messages.ToList(), s_json);

    /// <summary>Whether <paramref name="secret"/> is in <paramref name="text"/>: ignoring case, and a number by its digits with any separators.</summary>
    private static bool Leaks(string secret, string text)
    {
        if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var digits = secret.Where(char.IsAsciiDigit).ToArray();
        return digits.Length >= 6
            && Regex.IsMatch(text, "(?<![0-9])" + string.Join(@"[\s\-./()]*", digits) + "(?![0-9])");
    }

    internal static IReadOnlyList<Probe> Probes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "PiiRedaction", "known-values-probes.jsonl");
        var probes = new List<Probe>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var e = JsonDocument.Parse(line).RootElement;
            var messages = new List<ChatMessage>();
            foreach (var m in e.GetProperty("messages").EnumerateArray())
            {
                var role = new ChatRole(m.GetProperty("role").GetString()!);
                if (m.TryGetProperty("call", out var call))
                {
                    var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(call.GetProperty("args"));
                    messages.Add(new ChatMessage(role, [new FunctionCallContent(call.GetProperty("id").GetString()!, call.GetProperty("name").GetString()!, arguments)]));
                }
                else if (m.TryGetProperty("call_id", out var callId))
                {
                    messages.Add(new ChatMessage(role, [new FunctionResultContent(callId.GetString()!, m.GetProperty("result").GetString())]));
                }
                else
                {
                    messages.Add(new ChatMessage(role, m.GetProperty("text").GetString()));
                }
            }

            probes.Add(new Probe(
                e.GetProperty("id").GetString()!,
                e.GetProperty("kind").GetString()!,
                [.. e.GetProperty("secrets").EnumerateArray().Select(s => s.GetString()!)],
                e.TryGetProperty("keep", out var keep) ? [.. keep.EnumerateArray().Select(s => s.GetString()!)] : [],
                e.TryGetProperty("stream", out var stream) && stream.GetBoolean(),
                messages));
        }

        return probes;
    }

    internal sealed record Probe(string Id, string Kind, string[] Secrets, string[] Keep, bool Stream, List<ChatMessage> Messages);

    private sealed record ProbeResult(bool LeakedInCue, bool LeakedLater, List<string> LostWords, bool Restored);

    /// <summary>Today's behaviour for a custom vault: it cannot list its values, so only detection redacts.</summary>
    internal sealed class DetectionOnlyVault : IPseudonymVault
    {
        private readonly InMemoryPseudonymVault _inner = new();

        public string GetOrAddPseudonym(string scope, PiiEntityType type, string value) => _inner.GetOrAddPseudonym(scope, type, value);

        public bool TryReveal(string scope, string pseudonym, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _inner.TryReveal(scope, pseudonym, out value);

        public void ClearScope(string scope) => _inner.ClearScope(scope);
    }

    [GeneratedRegex("<[A-Z_]+_[0-9]+>")]
    private static partial Regex PseudonymPattern();

    /// <summary>Records each request; answers "OK." or, streamed, greets the first pseudonym of the last user message in three-character updates.</summary>
    private sealed class GreetingModel : IChatClient
    {
        public List<List<ChatMessage>> Received { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Received.Add(messages.ToList());
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "OK.")));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            Received.Add(list);
            var pseudonym = PseudonymPattern().Match(list.Last(m => m.Role == ChatRole.User).Text);
            var reply = pseudonym.Success ? "Hello " + pseudonym.Value + ", I can help." : "Hello, I can help.";
            for (var i = 0; i < reply.Length; i += 3)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, reply.Substring(i, Math.Min(3, reply.Length - i))) { MessageId = "m" + Received.Count };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
