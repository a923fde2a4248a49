using System.Text;
using CsCheck;

namespace Nonprofit.Privacy.Tests.Redaction;

public sealed class StreamingPiiRedactorTests
{
    private static readonly PiiDetector s_detector = new();

    private static readonly string[] s_piiSentences =
    [
        "Call me at +254 712 345 678 tomorrow.",
        "My email is jane.doe@example.org, thanks.",
        "Card 4111 1111 1111 1111 expires soon.",
        "IBAN GB82 WEST 1234 5698 7654 32 for the transfer.",
        "Appelle-moi au 06 12 34 56 78 ce soir.",
        "Write to info@ngo.org or call +91 98765 43210.",
        "Compact IBAN DE89370400440532013000 is on file.",
        "Piga simu 0712 345 678 kesho asubuhi.",
        "The clinic opens at nine and closes at five.",
        "Bring the ultrasound report and the blood pressure chart.",
        "FHR 140 bpm, 2.5 ml per litre, order #123456.",
        "Nothing else to add here 😀 — naïve café.",
    ];

    private static readonly string[] s_cleanSentences =
    [
        "The clinic opens at nine and closes at five.",
        "Bring the ultrasound report and the blood pressure chart.",
        "FHR 140 bpm, 2.5 ml per litre.",
        "Version 1.2.3 was released in 2023.",
        "Order #123456 costs KSh 1,250.",
        "Habari ya asubuhi, karibu sana!",
        "😀 emoji — naïve café ünïcödé 🎉.",
        "   ",
        "\n\n",
    ];

    private static string Build(string[] pool, int[] indices)
    {
        var text = new StringBuilder();
        for (var i = 0; i < indices.Length; i++)
        {
            text.Append(pool[indices[i]]).Append(i % 4 == 3 ? '\n' : ' ');
        }

        return text.ToString();
    }

    private static string Stream(StreamingPiiRedactor stream, string text, int[] chunkSizes)
    {
        var output = new StringBuilder();
        var position = 0;
        for (var k = 0; position < text.Length; k++)
        {
            var size = Math.Min(chunkSizes[k % chunkSizes.Length], text.Length - position);
            output.Append(stream.Append(text.AsSpan(position, size)));
            position += size;
        }

        output.Append(stream.Complete());
        return output.ToString();
    }

    private static Gen<(int[], int[])> Texts(string[] pool) =>
        Gen.Select(Gen.Int[0, pool.Length - 1].Array[1, 60], Gen.Int[1, 300].Array[1, 20]);

    [Fact]
    public void AppendComplete_RandomChunkings_EqualsWholeTextRedaction()
    {
        Texts(s_piiSentences).Sample((indices, chunkSizes) =>
        {
            var text = Build(s_piiSentences, indices);
            var redactor = new PiiRedactor(s_detector);

            var streamed = Stream(new StreamingPiiRedactor(redactor), text, chunkSizes);

            Assert.Equal(redactor.Redact(text), streamed);
        }, iter: 300);
    }

    [Fact]
    public void AppendComplete_PseudonymsInRandomChunkings_EqualWholeTextPseudonyms()
    {
        Texts(s_piiSentences).Sample((indices, chunkSizes) =>
        {
            var text = Build(s_piiSentences, indices);
            var options = new PiiRedactorOptions { DefaultOperator = RedactionOperator.Pseudonym };
            var whole = new PiiRedactor(s_detector, options, new InMemoryPseudonymVault()).Redact(text, "s");
            var redactor = new PiiRedactor(s_detector, options, new InMemoryPseudonymVault());

            var streamed = Stream(new StreamingPiiRedactor(redactor, "s"), text, chunkSizes);

            Assert.Equal(whole, streamed);
        }, iter: 100);
    }

    [Fact]
    public void AppendComplete_CleanText_ReturnsTheInputExactly()
    {
        Texts(s_cleanSentences).Sample((indices, chunkSizes) =>
        {
            var text = Build(s_cleanSentences, indices);

            var streamed = Stream(new StreamingPiiRedactor(new PiiRedactor(s_detector), holdBack: 32), text, chunkSizes);

            Assert.Equal(text, streamed);
        }, iter: 300);
    }

    [Fact]
    public void Append_SmallChunks_HoldsBackUntilEnoughTextArrived()
    {
        var stream = new StreamingPiiRedactor(new PiiRedactor(s_detector));

        Assert.Equal(string.Empty, stream.Append("call me at +254 712 "));
        Assert.Equal(20, stream.PendingLength);
        Assert.Equal("call me at <PHONE_NUMBER> now", stream.Append("345 678 now") + stream.Complete());
        Assert.Equal(0, stream.PendingLength);
    }

    [Fact]
    public void Reset_DropsPendingText()
    {
        var stream = new StreamingPiiRedactor(new PiiRedactor(s_detector));
        _ = stream.Append("call me at +254 712 345 678");

        stream.Reset();

        Assert.Equal(0, stream.PendingLength);
        Assert.Equal("fresh", stream.Append("fresh") + stream.Complete());
    }

    [Fact]
    public void Complete_ResetsForReuse()
    {
        var stream = new StreamingPiiRedactor(new PiiRedactor(s_detector));
        Assert.Equal("a <EMAIL_ADDRESS>", stream.Append("a x@example.org") + stream.Complete());

        Assert.Equal("b <PHONE_NUMBER>", stream.Append("b +254 712 345 678") + stream.Complete());
    }

    [Theory]
    [InlineData(31)]
    [InlineData(65537)]
    public void Constructor_HoldBackOutOfRange_ThrowsArgumentOutOfRangeException(int holdBack) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingPiiRedactor(new PiiRedactor(s_detector), holdBack: holdBack));

    [Fact]
    public async Task AppendComplete_TenMegabyteLineWithoutSpaces_CompletesAndPreservesText()
    {
        const string Unit = "lorem_ipsum-dolor_sit-amet";
        var text = new StringBuilder(10_000_000 + Unit.Length);
        while (text.Length < 10_000_000)
        {
            text.Append(Unit);
        }

        var input = text.ToString();

        // A TimeoutException fails the test when streaming takes longer than the bound.
        var output = await Task.Run(() => Stream(new StreamingPiiRedactor(new PiiRedactor(s_detector)), input, [65_536, 1, 4_000]))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(input.Length, output.Length);
        Assert.Equal(input, output);
    }

    [Fact]
    public async Task AppendComplete_TenMegabytesOfRandomUnicode_CompletesAndMatchesWholeTextRedaction()
    {
        var random = new Random(20240601);
        var text = new StringBuilder(10_000_000);
        while (text.Length < 10_000_000)
        {
            switch (random.Next(12))
            {
                case 0:
                    text.Append(' ');
                    break;
                case 1:
                    text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1F6FF))); // emoji: a surrogate pair
                    break;
                case 2:
                    text.Append((char)random.Next(0x0900, 0x097F)); // Devanagari
                    break;
                case 3:
                    text.Append((char)random.Next(0x4E00, 0x9FFF)); // CJK
                    break;
                case 4:
                    text.Append((char)random.Next(0x0400, 0x04FF)); // Cyrillic
                    break;
                case 5:
                    text.Append("\n\t,;!?-_"[random.Next(8)]);
                    break;
                default:
                    text.Append((char)random.Next('a', 'z' + 1));
                    break;
            }
        }

        var input = text.ToString();
        var redactor = new PiiRedactor(s_detector);

        var output = await Task.Run(() => Stream(new StreamingPiiRedactor(redactor), input, [4_096, 97, 16_384]))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(redactor.Redact(input), output);
    }
}
