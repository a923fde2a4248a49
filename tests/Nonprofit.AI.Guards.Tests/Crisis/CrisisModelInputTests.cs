using System.Text;
using System.Text.Json;
using CsCheck;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// The repetition reading of session 27 (<see cref="CrisisModelInput"/>, "form 3"): repeating a sentence cannot turn the
/// model's verdict into an escalation, repeated cries still escalate, and ordinary messages are read exactly as before.
/// </summary>
public sealed class CrisisModelInputTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    private static readonly LinearTextModel s_model = LinearTextModel.LoadEmbedded(CrisisDetector.ModelFileName);

    private static string Repeat(string sentence, int times) => new StringBuilder().Insert(0, sentence, times).ToString();

    private static double CrisisProbability(ReadOnlySpan<float> probabilities) => 1 - probabilities[0];

    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog. ", 150)]
    [InlineData("lorem ipsum dolor sit amet ", 300)]
    public void RepetitiveFiller_ReadAsEveryOccurrence_WouldEscalate_ButDoesNot(string sentence, int times)
    {
        var text = Repeat(sentence, times);
        Span<float> full = stackalloc float[s_model.ClassCount];
        Span<float> read = stackalloc float[s_model.ClassCount];
        s_model.PredictText(text, full);
        CrisisModelInput.Predict(s_model, text, read, CrisisDetector.ModelOperatingPoint);

        // Without the repetition reading the model alone would pass its operating point (sqrt(k) times the logits).
        Assert.True(CrisisProbability(full) >= CrisisDetector.ModelOperatingPoint, $"full reading {CrisisProbability(full)}");
        Assert.True(CrisisProbability(read) < CrisisDetector.ModelOperatingPoint, $"detector's reading {CrisisProbability(read)}");
        Assert.True(CrisisDetector.Instance.Detect(text).Score < Threshold);
    }

    [Theory]
    [InlineData("help ", 120)]
    [InlineData("I can't go on like this. ", 30)]
    [InlineData("please help me ", 60)]
    [InlineData("Je n'en peux plus. ", 30)]
    [InlineData("Ich kann nicht mehr. ", 30)]
    public void RepeatedCry_StillEscalates(string sentence, int times)
    {
        Assert.True(CrisisDetector.Instance.Detect(Repeat(sentence, times)).Score >= Threshold);
    }

    [Fact]
    public void OrdinaryMessages_AreReadBitForBitAsTheModelReadsThem()
    {
        // One code path: for every development message (none is repetitive) the detector's reading is the model's own.
        var path = Path.Combine(AppContext.BaseDirectory, "Crisis", "crisis-dev.jsonl");
        var lines = 0;
        Span<float> full = stackalloc float[s_model.ClassCount];
        Span<float> read = stackalloc float[s_model.ClassCount];
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString()!;
            s_model.PredictText(text, full);
            CrisisModelInput.Predict(s_model, text, read, CrisisDetector.ModelOperatingPoint);
            Assert.True(full.SequenceEqual(read), text);
            lines++;
        }

        Assert.True(lines > 100);
    }

    [Fact]
    public void EarlyStoppingRepetitionCount_AgreesWithTheFullRatio()
    {
        // The once-per-feature reading is computed only when the text has at least RepetitiveRatio occurrences per
        // distinct feature; the distinct count that stops early must never skip a text the full count calls repetitive.
        string[] words = ["help", "me", "the", "lorem", "ipsum", "ya no puedo", "siwezi", "ما عدت", "fox", ".", "kill", "tomorrow"];
        Gen.Select(Gen.Int[0, words.Length - 1].Array[1, 6], Gen.Int[1, 60]).Sample((indices, times) =>
        {
            var text = Repeat(string.Join(' ', indices.Select(i => words[i])) + " ", times);
            var exactProbabilities = new float[s_model.ClassCount];
            var exactOnce = new float[s_model.ClassCount];
            var (count, distinct) = s_model.PredictText(text, exactProbabilities, exactOnce, minRatio: 0);
            var probabilities = new float[s_model.ClassCount];
            var once = new float[s_model.ClassCount];
            var (boundCount, boundDistinct) = s_model.PredictText(text, probabilities, once, CrisisModelInput.RepetitiveRatio);

            Assert.Equal(count, boundCount);
            Assert.Equal(exactProbabilities, probabilities);
            var repetitive = count > 0 && count >= CrisisModelInput.RepetitiveRatio * distinct;
            Assert.Equal(repetitive, boundDistinct > 0);
            Assert.Equal(repetitive ? exactOnce : probabilities, once);
        });
    }
}
