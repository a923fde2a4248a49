using System.Diagnostics.CodeAnalysis;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 3 (stop 27): a <c>Complete</c> that throws still drops the stream's text.</summary>
public sealed class StreamingCompleteResetTests
{
    private sealed class VaultThatFailsOnce : IPseudonymVault
    {
        private readonly InMemoryPseudonymVault _inner = new();
        private bool _failed;

        public string GetOrAddPseudonym(string scope, PiiEntityType type, string value)
        {
            if (!_failed)
            {
                _failed = true;
                throw new TimeoutException("vault unavailable");
            }

            return _inner.GetOrAddPseudonym(scope, type, value);
        }

        public bool TryReveal(string scope, string pseudonym, [NotNullWhen(true)] out string? value) => _inner.TryReveal(scope, pseudonym, out value);

        public void ClearScope(string scope) => _inner.ClearScope(scope);
    }

    [Fact]
    public void Complete_ThatThrows_DropsThePendingTextSoTheNextStreamStartsClean()
    {
        var redactor = new PiiRedactor(
            new PiiDetector(), new PiiRedactorOptions { DefaultOperator = RedactionOperator.Pseudonym }, new VaultThatFailsOnce());
        var stream = new StreamingPiiRedactor(redactor, "conversation-a");
        Assert.Equal("", stream.Append("first stream: write to someone@example.org about the blue door"));

        Assert.Throws<TimeoutException>(() => stream.Complete());

        Assert.Equal(0, stream.PendingLength);
        Assert.Equal("", stream.Append("second stream: hello"));
        Assert.Equal("second stream: hello", stream.Complete());
    }
}
