namespace Nonprofit.Governance.Records;

/// <summary>What a <see cref="DecisionRecord"/> records.</summary>
public enum DecisionKind
{
    /// <summary>An allocation of funds or services between options (programmes, sites, grantees).</summary>
    Allocation,

    /// <summary>A prioritisation (which cases, callers or requests are served first).</summary>
    Prioritisation,

    /// <summary>An escalation (for example a guard that handed a conversation to a person).</summary>
    Escalation,

    /// <summary>Any other algorithmic decision.</summary>
    Other,

    /// <summary>
    /// A person's approval or rejection of an earlier decision. Only <see cref="DecisionLog.ApproveAsync"/> and
    /// <see cref="DecisionLog.RejectAsync"/> append these; <see cref="DecisionRecord.Approval"/> says which decision and how.
    /// </summary>
    Approval,
}

/// <summary>Where a decision stands with respect to human approval.</summary>
public enum ApprovalState
{
    /// <summary>The decision needs no approval: it takes effect when recorded.</summary>
    NotRequired,

    /// <summary>The decision needs approval and has not been decided yet: it does not take effect.</summary>
    Pending,

    /// <summary>The decision was approved: it takes effect.</summary>
    Approved,

    /// <summary>The decision was rejected: it never takes effect.</summary>
    Rejected,
}
