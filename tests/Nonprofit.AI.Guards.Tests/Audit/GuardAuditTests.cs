using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Testing;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Audit;

public sealed class GuardAuditTests : IDisposable
{
    private static readonly byte[] s_key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly string _path = Path.Combine(Path.GetTempPath(), "guards-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    private static GuardAuditChatClient Stack(IGuardAuditSink sink, RecordingChatClient inner) =>
        new GuardAuditChatClient(
            new ConversationRateLimitChatClient(
                new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault()),
                new() { ConversationPermitLimit = 1 }),
            sink,
            new GuardAuditOptions { HashKey = s_key });

    [Fact]
    public async Task LoggerSink_MessagesWithPii_LogVerdictsButNoTextAndNoRawConversationId()
    {
        var logger = new FakeLogger<LoggerGuardAuditSink>();
        using var client = Stack(new LoggerGuardAuditSink(logger), new RecordingChatClient());

        await client.GetResponseAsync(Pii.Text, Pii.Conversation("conversation-amelie"));
        await client.GetResponseAsync(Pii.Text, Pii.Conversation("conversation-amelie"));

        var records = logger.Collector.GetSnapshot();
        var all = string.Join("\n", records.Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? [])));
        Assert.Contains(records, r => r.Message.Contains(GuardCategories.PiiRedacted, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains(GuardCategories.RateLimit, StringComparison.Ordinal));
        Assert.All(records, r => Assert.Equal(7001, r.Id.Id));
        Pii.AssertNoneIn(all);
        Assert.DoesNotContain("conversation-amelie", all, StringComparison.Ordinal);
        Assert.Contains(GuardAuditChatClient.HashConversation(s_key, "conversation-amelie"), all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesSink_StreamingAndNot_AppendsOneParsableLinePerVerdictWithoutText()
    {
        using (var sink = new JsonLinesGuardAuditSink(_path))
        {
            using var client = Stack(sink, new RecordingChatClient());
            await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));
            await foreach (var _ in client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c2")))
            {
            }
        }

        using (var sink = new JsonLinesGuardAuditSink(_path))
        {
            sink.Append(new GuardAuditRecord(DateTimeOffset.UnixEpoch, "test", GuardAction.Escalate, "crisis.test", 0.5, TimeSpan.Zero, null));
        }

        var text = await File.ReadAllTextAsync(_path);
        Pii.AssertNoneIn(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // Per response: rate limit allow, PII redacted, PII restored; then the appended line.
        Assert.Equal(7, lines.Count);
        Assert.Equal(GuardAuditChatClient.HashConversation(s_key, "c1"), lines[0].GetProperty("conversation").GetString());
        Assert.Equal(GuardAuditChatClient.HashConversation(s_key, "c2"), lines[3].GetProperty("conversation").GetString());
        Assert.Contains(lines, l => l.GetProperty("category").GetString() == GuardCategories.PiiRedacted && l.GetProperty("action").GetString() == "modify");
        Assert.Equal("escalate", lines[^1].GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, lines[^1].GetProperty("conversation").ValueKind);
    }

    [Fact]
    public void JsonLinesSink_ConcurrentAppends_EveryLineIsWhole()
    {
        using (var sink = new JsonLinesGuardAuditSink(_path))
        {
            Parallel.For(0, 400, i => sink.Append(new GuardAuditRecord(DateTimeOffset.UnixEpoch, "g" + i, GuardAction.Allow, "none", 0, TimeSpan.FromTicks(i), "h")));
        }

        var guards = File.ReadAllLines(_path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("guard").GetString()).ToHashSet();
        Assert.Equal(400, guards.Count);
    }

    [Fact]
    public void HashConversation_DependsOnKeyAndId()
    {
        var other = s_key.Reverse().ToArray();

        var h = GuardAuditChatClient.HashConversation(s_key, "c1");

        Assert.Equal(64, h.Length);
        Assert.NotEqual(h, GuardAuditChatClient.HashConversation(other, "c1"));
        Assert.NotEqual(h, GuardAuditChatClient.HashConversation(s_key, "c2"));
        Assert.Equal(h, GuardAuditChatClient.HashConversation(s_key, "c1"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Constructor_ShortKey_Throws(int length)
    {
        var options = new GuardAuditOptions { HashKey = length == 0 ? null : new byte[length] };

        var e = Assert.Throws<ArgumentException>(() => new GuardAuditChatClient(new RecordingChatClient(), new LoggerGuardAuditSink(new FakeLogger<LoggerGuardAuditSink>()), options));
        Assert.Equal("options", e.ParamName);
    }
}
