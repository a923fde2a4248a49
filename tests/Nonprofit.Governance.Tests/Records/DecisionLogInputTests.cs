using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Governance.Records;
using Nonprofit.Impact;
using static Nonprofit.Governance.Tests.Records.RecordsTestData;

namespace Nonprofit.Governance.Tests.Records;

public class DecisionLogInputTests
{
    [Theory]
    [InlineData("""{"regions": [{"code": "KE-047", "contact": "jane.doe@example.org"}]}""", "$.regions[0].contact", "jane.doe")]
    [InlineData("""{"hotline": "+254 712 345 678"}""", "$.hotline", "712")]
    [InlineData("""{"payout": {"iban": "GB82 WEST 1234 5698 7654 32"}}""", "$.payout.iban", "WEST")]
    [InlineData("""{"by caller": {"0712345678": 3}}""", "$['by caller']", "0712345678")]
    public async Task PersonalLookingInputs_AreRefused_NamingThePathNotTheValue(string inputs, string path, string secret)
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var draft = new DecisionDraft
        {
            PolicyName = "triage",
            PolicyVersion = "1",
            Inputs = Json(inputs),
            Output = Json("{}"),
        };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(draft));
        Assert.Equal("draft", error.ParamName);
        Assert.Contains("draft.Inputs at " + path + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("personal data", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await log.VerifyAsync()).Count);
    }

    [Fact]
    public async Task PersonalLookingOutput_IsRefused()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var draft = new DecisionDraft
        {
            Kind = DecisionKind.Prioritisation,
            PolicyName = "triage",
            PolicyVersion = "1",
            Inputs = Json("""{"waiting": 12}"""),
            Output = Json("""["3f2b1c9e-8d7a-4b6c-9e5f-0a1b2c3d4e5f", "amina@example.org"]"""),
        };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(draft));
        Assert.Contains("draft.Output at $[1]:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("amina", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDrafts_AreRefused()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var valid = Draft(1);
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { PolicyName = "p", PolicyVersion = "1", Inputs = Json("[1]"), Output = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { PolicyName = "p", PolicyVersion = "1", Inputs = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { PolicyName = " ", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { PolicyName = "p\n", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { PolicyName = "p", PolicyVersion = "1", Inputs = Json("""{"a": 1, "a": 2}"""), Output = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { Kind = DecisionKind.Approval, PolicyName = "p", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") }));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { Id = Guid.Empty, PolicyName = "p", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") }));

        var id = Guid.NewGuid();
        await log.AppendAsync(new DecisionDraft { Id = id, PolicyName = "p", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") });
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new DecisionDraft { Id = id, PolicyName = "p", PolicyVersion = "1", Inputs = Json("{}"), Output = Json("{}") }));
        Assert.Equal("draft", duplicate.ParamName);
        Assert.Equal(1, (await log.VerifyAsync()).Count);
        Assert.Equal(2, (await log.AppendAsync(valid)).Sequence);
    }

    [Fact]
    public async Task Inputs_AreStoredInCanonicalForm()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var record = await log.AppendAsync(new DecisionDraft
        {
            PolicyName = "p",
            PolicyVersion = "1",
            Inputs = Json("""{ "b" : 2, "a" : [1, 2.50, "é\n\"\u0001", true, null], "B": {"z": 1, "y": 2} }"""),
            Output = Json(""" 42 """),
        });
        Assert.Equal("{\"B\":{\"y\":2,\"z\":1},\"a\":[1,2.50,\"é\\n\\\"\\u0001\",true,null],\"b\":2}", record.Inputs.GetRawText());
        Assert.Equal("42", record.Output.GetRawText());
        Assert.Contains(",\"inputs\":{\"B\":{\"y\":2,\"z\":1},", record.ToCanonicalJson(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Known answer: the hash hex below was computed outside .NET (Python's hashlib.sha256 over the UTF-8 of the
    /// canonical text below), so it pins the documented form across processes, runtimes and versions.
    /// </summary>
    [Fact]
    public async Task Hash_OfAFixedRecord_IsAKnownAnswer()
    {
        const string Canonical =
            """{"sequence":1,"id":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b","timestamp":"2025-01-02T03:04:05.0000000Z","kind":"allocation","policyName":"impact-per-dollar","policyVersion":"2.1.0","inputs":{"budget":100000,"regions":[{"code":"KE-047","impactPerDollar":0.31},{"code":"KE-012","impactPerDollar":0.27}]},"output":{"KE-012":40000,"KE-047":60000},"explanation":"The budget bound; KE-047 has the higher impact per dollar (0.31 vs 0.27).","requiresApproval":true,"approval":null,"previousHash":"0000000000000000000000000000000000000000000000000000000000000000"}""";
        const string KnownHash = "f57942ccbad2169043ceac341a178e5055c51203d41811e7c31bc8c393ea3d99";

        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options, new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var record = await log.AppendAsync(new DecisionDraft
        {
            Id = Guid.Parse("6F1C2A9E-3B4D-4E5F-8A7B-9C0D1E2F3A4B"),
            Kind = DecisionKind.Allocation,
            PolicyName = "impact-per-dollar",
            PolicyVersion = "2.1.0",
            Inputs = Json("""{"regions": [{"impactPerDollar": 0.31, "code": "KE-047"}, {"code": "KE-012", "impactPerDollar": 0.27}], "budget": 100000}"""),
            Output = Json("""{"KE-047": 60000, "KE-012": 40000}"""),
            Explanation = "The budget bound; KE-047 has the higher impact per dollar (0.31 vs 0.27).",
            RequiresApproval = true,
        });

        Assert.Equal(Canonical, record.ToCanonicalJson());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical))), record.Hash);
        Assert.Equal(KnownHash, record.Hash);
    }

    [Fact]
    public async Task Log_SharesTheDatabaseFile_WithTheImpactStore()
    {
        using var db = new TempDatabase();

        // The impact store first, with data; then the log adds its table; then both work.
        await using (var store = new SqliteImpactStore(db.Options))
        {
            await store.AppendAsync([new ImpactMeasurement("evt-1", "ind.reach", 12, [], DateTimeOffset.UnixEpoch)]);
        }

        await using (var log = new DecisionLog(db.Options))
        {
            await log.AppendAsync(Draft(1));
        }

        await using (var store = new SqliteImpactStore(db.Options))
        {
            await store.AppendAsync([new ImpactMeasurement("evt-2", "ind.reach", 5, [], DateTimeOffset.UnixEpoch)]);
            Assert.Equal(2, (await store.SummarizeAsync(new MeasurementQuery())).Count);
        }

        // A log on a fresh file lets the impact store create its schema first.
        using var fresh = new TempDatabase();
        await using (var log = new DecisionLog(fresh.Options))
        {
            await log.InitializeAsync();
        }

        await using (var store = new SqliteImpactStore(fresh.Options))
        {
            await store.InitializeAsync();
        }

        await using var reopened = new DecisionLog(db.Options);
        Assert.True((await reopened.VerifyAsync()).IsValid);
    }
}
