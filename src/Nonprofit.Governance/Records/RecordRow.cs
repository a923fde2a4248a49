using System;

namespace Nonprofit.Governance.Records;

/// <summary>One row of <c>decision_records</c> as stored: the texts the hash is computed over.</summary>
internal sealed record RecordRow(
    long Sequence,
    string Id,
    long TimestampTicks,
    string Kind,
    string PolicyName,
    string PolicyVersion,
    string Inputs,
    string Output,
    string Explanation,
    bool RequiresApproval,
    string? ApprovalOf,
    string? Verdict,
    string? Approver,
    string? Comment,
    string PreviousHash,
    string Hash);

/// <summary>The stored and hashed texts of the enums.</summary>
internal static class RecordText
{
    public static string Kind(DecisionKind kind) => kind switch
    {
        DecisionKind.Allocation => "allocation",
        DecisionKind.Prioritisation => "prioritisation",
        DecisionKind.Escalation => "escalation",
        DecisionKind.Other => "other",
        DecisionKind.Approval => "approval",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a decision kind."),
    };

    public static DecisionKind ParseKind(string text) => text switch
    {
        "allocation" => DecisionKind.Allocation,
        "prioritisation" => DecisionKind.Prioritisation,
        "escalation" => DecisionKind.Escalation,
        "other" => DecisionKind.Other,
        "approval" => DecisionKind.Approval,
        _ => throw new FormatException("A decision record has an unknown kind; the log may have been edited (run VerifyAsync)."),
    };

    public static string Verdict(ApprovalState verdict) => verdict switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "A verdict is approved or rejected."),
    };

    public static ApprovalState ParseVerdict(string text) => text switch
    {
        "approved" => ApprovalState.Approved,
        "rejected" => ApprovalState.Rejected,
        _ => throw new FormatException("An approval record has an unknown verdict; the log may have been edited (run VerifyAsync)."),
    };
}
