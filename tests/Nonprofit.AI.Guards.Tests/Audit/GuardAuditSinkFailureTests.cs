using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Testing;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Audit;

/// <summary>Session 26, review finding 5: a sink that throws must not lose the reply the model was paid for.</summary>
public sealed class GuardAuditSinkFailureTests
{
    private static readonly byte[] s_key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public async Task DisposedFileSink_TheReplyStillReachesTheCaller_AndTheFailureIsLoggedByType()
    {
        var path = Path.Combine(Path.GetTempPath(), "audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var sink = new JsonLinesGuardAuditSink(path);
            sink.Dispose(); // host shutdown while requests are in flight
            var inner = new RecordingChatClient { Reply = _ => ["Beans go in after the rains."] };
            var logger = new FakeLogger<GuardAuditChatClient>();
            using var client = new GuardAuditChatClient(
                new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault()), sink, new GuardAuditOptions { HashKey = s_key }, logger: logger);

            var response = await client.GetResponseAsync("When should I plant beans?");
            var streamed = await client.GetStreamingResponseAsync("When should I plant beans?").ToChatResponseAsync();

            Assert.Equal("Beans go in after the rains.", response.Text);
            Assert.Equal("Beans go in after the rains.", streamed.Text);
            Assert.Equal(2, inner.Calls);
            Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 7201 && r.Message.Contains(nameof(ObjectDisposedException), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ThrowingSink_TheCrisisSafeReplyIsStillSent()
    {
        using var client = new GuardAuditChatClient(
            new CrisisDetectionChatClient(new RecordingChatClient()), new ThrowingSink(), new GuardAuditOptions { HashKey = s_key });

        var response = await client.GetResponseAsync("I want to kill myself tonight");

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], response.Text);
    }

    private sealed class ThrowingSink : IGuardAuditSink
    {
        public void Append(in GuardAuditRecord record) => throw new IOException("disk full");
    }
}
