using Microsoft.Extensions.Time.Testing;
using Nonprofit.Governance.Records;
using static Nonprofit.Governance.Tests.Records.RecordsTestData;

namespace Nonprofit.Governance.Tests.Records;

public class DecisionLogApprovalTests
{
    private static readonly DateTimeOffset s_start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Decision_RequiringApproval_IsPendingAndNotEffective_UntilApproved()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(s_start);
        await using var log = new DecisionLog(db.Options, time);
        var decision = await log.AppendAsync(Draft(1, requiresApproval: true));
        Assert.Equal(ApprovalState.Pending, await log.GetStatusAsync(decision.Id));
        Assert.False(await log.IsEffectiveAsync(decision.Id));

        time.Advance(TimeSpan.FromHours(2));
        var approval = await log.ApproveAsync(decision.Id, "programme-officer-3", "Matches the board's envelope.");

        Assert.Equal(ApprovalState.Approved, await log.GetStatusAsync(decision.Id));
        Assert.True(await log.IsEffectiveAsync(decision.Id));
        Assert.Equal(DecisionKind.Approval, approval.Kind);
        Assert.Equal(2, approval.Sequence);
        Assert.Equal(decision.Hash, approval.PreviousHash);
        Assert.Equal(s_start.AddHours(2), approval.Timestamp);
        Assert.NotNull(approval.Approval);
        Assert.Equal(decision.Id, approval.Approval.DecisionId);
        Assert.Equal(ApprovalState.Approved, approval.Approval.Verdict);
        Assert.Equal("programme-officer-3", approval.Approval.Approver);
        Assert.Equal("Matches the board's envelope.", approval.Approval.Comment);
        Assert.False(approval.RequiresApproval);
        Assert.Equal(ApprovalState.NotRequired, await log.GetStatusAsync(approval.Id));

        // The decision itself is unchanged (approvals are records, not updates) and the chain covers both.
        var stored = await log.GetAsync(decision.Id);
        Assert.NotNull(stored);
        Assert.Equal(decision.Hash, stored.Hash);
        Assert.Null(stored.Approval);
        var verification = await log.VerifyAsync();
        Assert.True(verification.IsValid);
        Assert.Equal(approval.Hash, verification.HeadHash);
    }

    [Fact]
    public async Task RejectedDecision_NeverTakesEffect()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var decision = await log.AppendAsync(Draft(1, requiresApproval: true));
        var rejection = await log.RejectAsync(decision.Id, "board:chair", null);
        Assert.Equal(ApprovalState.Rejected, await log.GetStatusAsync(decision.Id));
        Assert.False(await log.IsEffectiveAsync(decision.Id));
        Assert.Equal(ApprovalState.Rejected, rejection.Approval!.Verdict);
        Assert.Null(rejection.Approval.Comment);
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.ApproveAsync(decision.Id, "director-1"));
        Assert.Equal(ApprovalState.Rejected, await log.GetStatusAsync(decision.Id));
    }

    [Fact]
    public async Task DecisionNotRequiringApproval_IsEffective_AndCannotBeApproved()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var decision = await log.AppendAsync(Draft(1));
        Assert.Equal(ApprovalState.NotRequired, await log.GetStatusAsync(decision.Id));
        Assert.True(await log.IsEffectiveAsync(decision.Id));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => log.ApproveAsync(decision.Id, "programme-officer-3"));
        Assert.Contains("does not require approval", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await log.VerifyAsync()).Count);
    }

    [Fact]
    public async Task DoubleApproval_IsRefused_AndWritesNothing()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var decision = await log.AppendAsync(Draft(1, requiresApproval: true));
        await log.ApproveAsync(decision.Id, "programme-officer-3");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => log.ApproveAsync(decision.Id, "programme-officer-4"));
        Assert.Contains("already approved", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.RejectAsync(decision.Id, "programme-officer-4"));
        Assert.Equal(2, (await log.VerifyAsync()).Count);
    }

    [Fact]
    public async Task ConcurrentApprovals_OfOneDecision_OnlyOneWins()
    {
        using var db = new TempDatabase();
        await using var first = new DecisionLog(db.Options);
        await using var second = new DecisionLog(db.Options);
        var decision = await first.AppendAsync(Draft(1, requiresApproval: true));
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? first : second).ApproveAsync(decision.Id, "officer-" + i);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        })));
        Assert.Equal(1, attempts.Count(a => a));
        Assert.Equal(2, (await first.VerifyAsync()).Count);
    }

    [Fact]
    public async Task UnknownRecord_IsRefused()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var unknown = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.ApproveAsync(unknown, "programme-officer-3"));
        Assert.Equal("recordId", error.ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() => log.RejectAsync(unknown, "programme-officer-3"));
        await Assert.ThrowsAsync<ArgumentException>(() => log.GetStatusAsync(unknown));
        await Assert.ThrowsAsync<ArgumentException>(() => log.IsEffectiveAsync(unknown));
        Assert.Null(await log.GetAsync(unknown));
        Assert.Equal(0, (await log.VerifyAsync()).Count);
    }

    [Theory]
    [InlineData("Jane Doe")]
    [InlineData("jane.doe@example.org")]
    [InlineData("officer-0712-345-678")]
    [InlineData("")]
    [InlineData("_clerk")]
    public async Task PersonalOrMalformedApprover_IsRefused_WithoutTheValue(string approver)
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var decision = await log.AppendAsync(Draft(1, requiresApproval: true));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.ApproveAsync(decision.Id, approver));
        Assert.Equal("approver", error.ParamName);
        if (approver.Length > 0)
        {
            Assert.DoesNotContain(approver, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ApprovalState.Pending, await log.GetStatusAsync(decision.Id));
    }

    [Fact]
    public async Task PersonalComment_IsRefused_WithoutTheValue()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var decision = await log.AppendAsync(Draft(1, requiresApproval: true));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.ApproveAsync(decision.Id, "programme-officer-3", "call me on +254 712 345 678"));
        Assert.Equal("comment", error.ParamName);
        Assert.DoesNotContain("712", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, await log.GetStatusAsync(decision.Id));
    }
}
