using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Impact;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Tests.Chat;

/// <summary>The assistant end to end, through the guards, with the offline responder or a recording stand-in model.</summary>
public sealed class AdvisorTests
{
    [Theory]
    [InlineData("My maize leaves have ragged holes and sawdust in the funnel, call me on 0712 345 678", "0712", "345 678")]
    [InlineData("Nipigie 0722 123 456, mahindi yangu yameshambuliwa na viwavijeshi vamizi", "0722", "123 456")]
    [InlineData("Mon numéro est le +33 6 12 34 56 78, comment lutter contre le mildiou de la tomate ?", "6 12 34", "56 78")]
    public async Task Ask_PhoneNumberInQuestion_NeverReachesTheModel(string question, string part1, string part2)
    {
        var model = new RecordingChatClient();
        using var test = new TestAdvisor(model);

        var answer = await test.Advisor.AskAsync(question, null, null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Reason);
        Assert.NotEmpty(model.Seen);
        Assert.All(model.Seen, text => Assert.DoesNotContain(part1, text, StringComparison.Ordinal));
        Assert.All(model.Seen, text => Assert.DoesNotContain(part2, text, StringComparison.Ordinal));
        Assert.Contains(model.Seen, text => text.Contains("<PHONE_NUMBER_1>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Who won the football match yesterday?", "en")]
    [InlineData("Qui a gagné le match de foot hier soir ?", "fr")]
    [InlineData("Nani alishinda mechi ya mpira jana?", "sw")]
    public async Task Ask_OffTopic_RefusedByTheScopeGuardWithoutCallingTheModel(string question, string language)
    {
        var model = new RecordingChatClient();
        using var test = new TestAdvisor(model);

        var answer = await test.Advisor.AskAsync(question, null, null, CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Equal(GuardCategories.ScopeOffTopic, answer.Reason);
        Assert.Equal(language, answer.Language);
        Assert.Empty(answer.Citations);
        Assert.Empty(model.Seen);
    }

    [Theory]
    [InlineData("What is the market price of vanilla in Madagascar today?", "en")]
    [InlineData("Bei ya vanila Madagaska ni kiasi gani leo sokoni?", "sw")]
    public async Task Ask_NothingRelevant_SaysItDoesNotKnowAndNamesTheExtensionOfficer(string question, string language)
    {
        using var test = new TestAdvisor();

        var answer = await test.Advisor.AskAsync(question, null, null, CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Equal(language, answer.Language);
        Assert.Equal(Phrases.Decline(language), answer.Answer);
        Assert.Empty(answer.FollowUps);
    }

    [Fact]
    public async Task Ask_ModelGivesAPesticideAmount_BlockedByOutputSafety()
    {
        using var test = new TestAdvisor(new RecordingChatClient("Scout the field every week from emergence and look inside the funnel and under leaves [1]. Crush egg masses and pick and kill caterpillars by hand [1]. Spray cypermethrin at 50 ml per 20 L knapsack [1]."));

        var answer = await test.Advisor.AskAsync("Caterpillars are eating my maize leaves, what should I spray?", null, null, CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Equal(GuardCategories.OutputDangerousAdvice, answer.Reason);
        Assert.DoesNotContain("50 ml", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_GroundedModelReply_PassesAndCitesWhatItCites()
    {
        using var test = new TestAdvisor(new RecordingChatClient("Dry the grain well before storage [1]. Wet grain goes mouldy in an airtight bag [1]."));

        var answer = await test.Advisor.AskAsync("How do I keep weevils out of my stored maize grain?", null, null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Reason);
        Assert.Equal("grain-hermetic-storage", Assert.Single(answer.Citations).Id);
    }

    [Theory]
    [InlineData("My tomato leaves have dark wet patches after the cool rains", "en")]
    [InlineData("Majani ya mihogo yana rangi ya njano na kijani iliyochanganyika na yamejikunja", "sw")]
    [InlineData("गेहूँ की पत्तियों पर पीली धारियाँ और पाउडर जैसा रतुआ दिख रहा है", "hi")]
    [InlineData("Mes poules sont malades, faut-il les vacciner contre la maladie de Newcastle ?", "fr")]
    public async Task Ask_Answer_FollowUpsInTheLanguageEachRetrievingItsDocumentFirst(string question, string language)
    {
        using var test = new TestAdvisor();

        var answer = await test.Advisor.AskAsync(question, null, null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Reason);
        Assert.Equal(language, answer.Language);
        Assert.Equal(Phrases.AdoptionQuestion(language), answer.AdoptionQuestion);
        Assert.InRange(answer.FollowUps.Count, 1, FollowUpSuggestions.Count);
        foreach (var followUp in answer.FollowUps)
        {
            var asked = await test.Advisor.AskAsync(followUp, null, language, CancellationToken.None);
            var title = Assert.Single(asked.Citations).Title;
            Assert.Equal(followUp, title);
        }
    }

    [Fact]
    public async Task Ask_ProfileLanguage_UsedWhenTheQuestionIsTooShortToTell()
    {
        using var test = new TestAdvisor();
        var profile = test.Advisor.Profiles.Create("maize", "Kisumu", "sw");

        var answer = await test.Advisor.AskAsync("mboji", profile.Id, null, CancellationToken.None);

        Assert.Equal("sw", answer.Language);
        Assert.Equal("compost-making", answer.DocumentId);
    }

    [Fact]
    public async Task Ask_SuggestedFollowUpAndAdoption_CountedInTheImpactIndicators()
    {
        using var test = new TestAdvisor();
        var profile = test.Advisor.Profiles.Create("maize", "Nakuru", "en");

        var first = await test.Advisor.AskAsync("Fall armyworm is eating my maize, what do I do?", profile.Id, null, CancellationToken.None);
        await test.Advisor.AskAsync(first.FollowUps[0], profile.Id, null, CancellationToken.None);
        await test.Advisor.AskAsync("Who won the football match yesterday?", profile.Id, null, CancellationToken.None);
        Assert.True(test.Advisor.ReportAdoption(first.DocumentId!, adopted: true));
        Assert.True(test.Advisor.ReportAdoption(first.DocumentId!, adopted: false));
        Assert.False(test.Advisor.ReportAdoption("no-such-document", adopted: true));

        var totals = test.Advisor.Impact.Totals();
        Assert.Equal(1, totals[AdvisoryIndicators.FarmersReached]);
        Assert.Equal(2, totals[AdvisoryIndicators.QuestionsAnswered]);
        Assert.Equal(200 / 3.0, totals[AdvisoryIndicators.AnswerRate], 6);
        Assert.Equal(1, totals[AdvisoryIndicators.FollowUps]);
        Assert.Equal(1, totals[AdvisoryIndicators.PracticesAdopted]);
    }
}
