using Nonprofit.Analyzers.Printing;

namespace Nonprofit.Analyzers.Tests.Printing;

public sealed class ToStringAnalyzerTests
{
    [Fact]
    public Task Record_PersonalProperties_Reports() => Verify<ToStringAnalyzer>.AnalyzerAsync("""
        public sealed record Beneficiary(string CaseId, string {|NP1005:Phone|});
        public record Volunteer
        {
            public string Id { get; init; } = "";
            public string {|NP1005:Email|} { get; init; } = "";
        }
        """);

    [Fact]
    public Task Record_WithPrintMembersOrNoPersonalMembers_DoesNotReport() => Verify<ToStringAnalyzer>.AnalyzerAsync("""
        using System.Text;
        public sealed record Beneficiary(string CaseId, string Phone)
        {
            private bool PrintMembers(StringBuilder builder)
            {
                builder.Append("CaseId = ");
                builder.Append(CaseId);
                return true;
            }
        }
        public sealed record Shift(string Id, int Hours, string PhoneticAlgorithm);
        public sealed class Plain { public string Email { get; set; } = ""; }
        """);

    [Fact]
    public Task ToStringOverride_ReturningPersonalData_Reports() => Verify<ToStringAnalyzer>.AnalyzerAsync("""
        using System.Text;
        public sealed class Donor
        {
            public string Id { get; set; } = "";
            public string Iban { get; set; } = "";
            public override string ToString() => $"Donor {Id} ({{|NP1005:Iban|}})";
        }
        public sealed class Caller
        {
            public string Mobile { get; set; } = "";
            public override string ToString()
            {
                var builder = new StringBuilder();
                builder.Append({|NP1005:Mobile|});
                return builder.ToString();
            }
        }
        public sealed class Safe
        {
            public string Id { get; set; } = "";
            public override string ToString() => "Case " + Id;
        }
        """);

    [Fact]
    public Task Record_ClassifiedMemberWithoutPersonalName_Reports() => Verify<ToStringAnalyzer>.AnalyzerAsync("""
        using Nonprofit.Privacy.Compliance;
        public sealed record Intake(string Id, [property: PersonalData] string {|NP1005:Notes|});
        public sealed record Referral
        {
            public string Id { get; init; } = "";
            [PersonalData] public string {|NP1005:Summary|} { get; init; } = "";
            [PersonalData] public string {|NP1005:Reason|} = "";
        }
        public sealed record Plain(string Id, int Count);
        """);

    [Fact]
    public Task PartialRecord_ToStringInAnotherPart_DoesNotReport() => Verify<ToStringAnalyzer>.AnalyzerAsync("""
        public sealed partial record Caller(string Id, string Phone);
        public sealed partial record Caller
        {
            public override string ToString() => "Caller " + Id;
        }
        public partial record Donor(string Id);
        public partial record Donor
        {
            public string {|NP1005:Iban|} { get; init; } = "";
        }
        """);
}
