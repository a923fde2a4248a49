using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Guards;
using FarmerChat.Advisory.Retrieval;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Tests.Guards;

public sealed class OutputSafetyPolicyTests
{
    private static readonly OutputSafetyDetector s_detector = Create();

    [Fact]
    public void Detect_EverySentenceOfTheKnowledgeBase_PassesWithItsDocumentAsSource()
    {
        var kb = KnowledgeBase.Load(KnowledgeBase.DefaultFolder);
        var blocked = new List<string>();
        foreach (var d in kb.Documents)
        {
            var context = new OutputSafetyContext([], [AdvisoryContext.SourceText(d)]);
            foreach (var sentence in ExtractiveAnswer.Sentences(d.Body).Prepend(d.Title))
            {
                if (!s_detector.Detect(sentence, context).IsEmpty)
                {
                    blocked.Add($"{d.Language}/{d.Id}");
                }
            }
        }

        Assert.Empty(blocked);
    }

    [Theory]
    [InlineData("Spray cypermethrin at 50 ml per 20 L knapsack.")]
    [InlineData("Mix 2 g of mancozeb per litre of water.")]
    [InlineData("Use 1 L of glyphosate per hectare.")]
    [InlineData("Apply the insecticide at 200 ml/ha.")]
    public void Detect_AnyPesticideAmount_Blocked(string reply)
    {
        var detection = s_detector.Detect(reply);

        Assert.Equal(GuardCategories.OutputDangerousAdvice, Assert.Single(detection.Findings).Category);
    }

    [Fact]
    public void Detect_PesticideAdviceWithoutAmounts_Passes() =>
        Assert.True(s_detector.Detect("Use only insecticides registered in your country, at the dose on the label, and ask your extension officer.").IsEmpty);

    private static OutputSafetyDetector Create()
    {
        var options = new OutputSafetyDetectorOptions();
        OutputSafetyPolicy.Configure(options);
        return new OutputSafetyDetector(options);
    }
}
