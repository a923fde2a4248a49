using System.Text.Json;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Monitoring.Tests.Assessment;

/// <summary>The <c>nonprofit ctg analyze</c> JSON contract written by <see cref="CtgAssessmentJson"/>.</summary>
public sealed class CtgAssessmentJsonTests
{
    private static readonly string[] s_types = ["early", "late", "variable", "prolonged"];

    private static CtgAssessment Assess(bool withContractions)
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 7, DurationMinutes = 40, DecelerationProbability = 0.8 });
        var r = ctg.Recording;
        var recording = new CtgRecording(r.FetalHeartRate.ToArray(), r.SampleRateHz, uterineActivity: withContractions ? r.UterineActivity.ToArray() : null);
        return new CtgAssessor(detectFalseSignal: false).Assess(recording);
    }

    [Fact]
    public void ToJson_KeysInTheContractsOrder_ValuesRounded()
    {
        var assessment = Assess(withContractions: true);

        using var document = JsonDocument.Parse(CtgAssessmentJson.ToJson(assessment));
        var root = document.RootElement;

        Assert.Equal(["samples", "signal_loss_pct", "baseline_bpm", "stv_ms", "ltv_bpm", "accelerations", "decelerations", "figo"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(assessment.Analysis.Length, root.GetProperty("samples").GetInt32());
        Assert.Equal(Math.Round(assessment.Analysis.BaselineBpm, 1, MidpointRounding.AwayFromZero), root.GetProperty("baseline_bpm").GetDouble());
        var decelerations = root.GetProperty("decelerations").EnumerateArray().ToList();
        Assert.Equal(assessment.Analysis.Decelerations.Count, decelerations.Count);
        Assert.NotEmpty(decelerations);
        Assert.All(decelerations, d => Assert.Equal(["start_s", "end_s", "type"], d.EnumerateObject().Select(p => p.Name)));
        Assert.All(decelerations, d => Assert.Contains(d.GetProperty("type").GetString(), s_types));
        var figo = root.GetProperty("figo");
        Assert.Equal(["category", "reasons"], figo.EnumerateObject().Select(p => p.Name));
        Assert.Equal(CtgAssessmentJson.CategoryName(assessment.Figo.Category), figo.GetProperty("category").GetString());
        Assert.Equal(assessment.Figo.Reasons.Select(x => x.Message), figo.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
        Assert.DoesNotContain('\n', CtgAssessmentJson.ToJson(assessment));
    }

    [Fact]
    public void ToJson_WithoutContractions_DecelerationTypeIsNull()
    {
        var assessment = Assess(withContractions: false);

        using var document = JsonDocument.Parse(CtgAssessmentJson.ToJson(assessment));

        var decelerations = document.RootElement.GetProperty("decelerations").EnumerateArray().ToList();
        Assert.Contains(decelerations, d => d.GetProperty("type").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void Names_AndArguments()
    {
        Assert.Null(CtgAssessmentJson.TypeName(DecelerationType.Unknown));
        Assert.Equal("late", CtgAssessmentJson.TypeName(DecelerationType.Late));
        Assert.Equal("pathological", CtgAssessmentJson.CategoryName(FigoCategory.Pathological));
        Assert.Throws<ArgumentNullException>(() => CtgAssessmentJson.ToJson(null!));
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        Assert.Throws<ArgumentNullException>(() => CtgAssessmentJson.WriteProperties(writer, null!));
    }
}
