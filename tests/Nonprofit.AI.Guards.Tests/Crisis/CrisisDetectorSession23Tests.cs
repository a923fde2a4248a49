namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 23, issue 6: known false escalations of docs/guards.md narrowed with idioms scoped to violence, each beside
/// real crises that share its words and must still escalate (the safety rule of the brief: the last round's cues
/// silenced "Ich bringe mich um 3 Uhr um" and "No one knows he beats me"). Rules alone; our own phrasings.
/// </summary>
public sealed class CrisisDetectorSession23Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Main's rules escalate each of these.</summary>
    public static TheoryData<string> KnownFalseEscalations => new()
    {
        "Mein Mann bringt mich um 7 Uhr zur Arbeit",
        "Mein Mann bringt mich um 7 Uhr zum Bahnhof",
        "Er bringt mich um acht zur Schule",
        "Sie bringt uns um halb neun nach Hause",
        "no one is hurting me just asking",
        "Mujhe phone band karna hai",
        "मुझे फोन बंद करना है",
    };

    /// <summary>Real crises that share those words.</summary>
    public static TheoryData<string, string> CrisesSharingTheirWords => new()
    {
        { GuardCategories.CrisisViolence, "Er bringt mich um 7 Uhr um" },
        { GuardCategories.CrisisViolence, "Ich bringe mich um 3 Uhr um" },
        { GuardCategories.CrisisViolence, "Mein Mann bringt mich um, wenn ich gehe" },
        { GuardCategories.CrisisViolence, "Er bringt mich um 8 Uhr in den Wald" },
        { GuardCategories.CrisisViolence, "Er sagt er bringt mich um 7 Uhr um wenn ich nicht zurück bin" },
        { GuardCategories.CrisisViolence, "No one knows he is hurting me" },
        { GuardCategories.CrisisViolence, "No one knows he beats me" },
        { GuardCategories.CrisisSelfHarm, "no one is hurting me but i want to die" },
        { GuardCategories.CrisisSelfHarm, "no one is hurting me just want to kill myself" },
        { GuardCategories.CrisisViolence, "usne mujhe kamre mein band kar diya" },
        { GuardCategories.CrisisViolence, "woh mujhe kamre mein band karna chahta hai" },
        { GuardCategories.CrisisViolence, "पति ने मुझे कमरे में बंद कर दिया" },
    };

    [Theory]
    [MemberData(nameof(KnownFalseEscalations))]
    public void Rules_KnownFalseEscalation_DoesNotEscalate(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(CrisesSharingTheirWords))]
    public void Rules_CrisisSharingTheWordsOfAKnownFalseEscalation_Escalates(string category, string text)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
