using FarmerChat.Advisory.Chat;
using System.Globalization;

namespace FarmerChat.Advisory;

/// <summary>
/// <c>--demo</c>: a scripted conversation in English, Swahili, Hindi and French, with an off-topic question, a question
/// with a phone number in it, one the knowledge base cannot answer, a suggested follow-up and an adoption report.
/// </summary>
internal static class Demo
{
    /// <summary>One scripted turn and what the assistant answered.</summary>
    internal sealed record Turn(string Label, string Question, AdvisoryAnswer Answer);

    public static async Task<IReadOnlyList<Turn>> RunAsync(Advisor advisor, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(output);
        var profile = advisor.Profiles.Create("I am Wanjiku, call me on 0712 345 678, I grow maize", "my shamba is near Nakuru town", "sw");
        output.WriteLine($"Profile stored (anonymous): crop={profile.Crop}, region={profile.Region}, language={profile.Language}");
        output.WriteLine();

        var turns = new List<Turn>();
        async Task<AdvisoryAnswer> Ask(string label, string question, string? language = null)
        {
            var answer = await advisor.AskAsync(question, profile.Id, language, cancellationToken);
            turns.Add(new Turn(label, question, answer));
            output.WriteLine($"--- {label} [{answer.Language}]{(answer.Declined ? $" declined: {answer.Reason}" : "")}");
            output.WriteLine($"Farmer: {question}");
            output.WriteLine($"Assistant: {answer.Answer}");
            if (answer.FollowUps.Count > 0)
            {
                output.WriteLine($"Follow-ups: {string.Join(" | ", answer.FollowUps)}");
            }

            if (answer.AdoptionQuestion is not null)
            {
                output.WriteLine(answer.AdoptionQuestion);
            }

            output.WriteLine();
            return answer;
        }

        var armyworm = await Ask("English, a pest", "Something is eating holes in my maize leaves and there is wet sawdust in the funnel. What can I do?");
        if (armyworm.FollowUps.Count > 0)
        {
            await Ask("English, a suggested follow-up", armyworm.FollowUps[0]);
        }

        await Ask("Swahili, storage", "Dumuzi wanakula mahindi yangu ghalani, niyahifadhi vipi kwenye mifuko?");
        await Ask("Hindi, a disease", "टमाटर की पत्तियों पर भूरे काले धब्बे हैं और बारिश के बाद पौधे सूख रहे हैं, क्या करूँ?");
        await Ask("French, soil", "Comment faire un bon compost avec les restes de récolte et le fumier ?");
        await Ask("Off topic", "Who won the football match yesterday?");
        await Ask("A phone number in the question", "Please call me back on 0712 345 678. My cow gives little milk, what should I feed her?");
        await Ask("Not in the knowledge base", "What is the market price of vanilla in Madagascar today?");

        var recorded = armyworm.DocumentId is not null && advisor.ReportAdoption(armyworm.DocumentId, adopted: true);
        output.WriteLine($"--- Adoption report: \"Yes, I tried it\" for {armyworm.DocumentId}: {(recorded ? Phrases.AdoptionThanks("en") : "not recorded")}");
        output.WriteLine();

        using var xml = new MemoryStream();
        await advisor.Impact.ExportIatiAsync(xml, cancellationToken);
        output.WriteLine("Impact so far (Nonprofit.Impact):");
        foreach (var (id, total) in advisor.Impact.Totals())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id}: {total:0.#}"));
        }

        output.WriteLine($"IATI 2.03 export: {xml.Length} bytes (GET /api/impact/iati)");
        return turns;
    }
}
