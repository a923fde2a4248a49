using System.Globalization;
using System.Text.Json;
using Nonprofit.Governance.Records;

namespace Nonprofit.Governance.Tests.Records;

internal static class RecordsTestData
{
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static DecisionDraft Draft(int i, bool requiresApproval = false, DecisionKind kind = DecisionKind.Allocation) => new()
    {
        Kind = kind,
        PolicyName = "impact-per-dollar",
        PolicyVersion = "2.1.0",
        Inputs = Json(string.Create(CultureInfo.InvariantCulture,
            $$"""{"budget": {{1000 + i}}, "regions": [{"code": "KE-047", "impactPerDollar": 0.31}, {"code": "KE-012", "impactPerDollar": 0.27}]}""")),
        Output = Json(string.Create(CultureInfo.InvariantCulture, $$"""{"KE-047": {{600 + i}}, "KE-012": 400}""")),
        Explanation = "The budget bound; KE-047 has the higher impact per dollar.",
        RequiresApproval = requiresApproval,
    };
}
