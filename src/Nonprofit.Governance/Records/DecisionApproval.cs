using System;

namespace Nonprofit.Governance.Records;

/// <summary>What an approval record (<see cref="DecisionKind.Approval"/>) says about an earlier decision.</summary>
public sealed class DecisionApproval
{
    internal DecisionApproval(Guid decisionId, ApprovalState verdict, string approver, string? comment)
    {
        DecisionId = decisionId;
        Verdict = verdict;
        Approver = approver;
        Comment = comment;
    }

    /// <summary>Gets the id of the decision approved or rejected.</summary>
    public Guid DecisionId { get; }

    /// <summary>Gets the verdict: <see cref="ApprovalState.Approved"/> or <see cref="ApprovalState.Rejected"/>.</summary>
    public ApprovalState Verdict { get; }

    /// <summary>Gets who decided: a role or staff id that is not personal, such as <c>programme-officer-3</c>.</summary>
    public string Approver { get; }

    /// <summary>Gets the approver's comment, if any.</summary>
    public string? Comment { get; }
}
