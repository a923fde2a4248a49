using System;

namespace Nonprofit.Governance.Records;

/// <summary>Why a decision log's chain is broken.</summary>
public enum ChainBreak
{
    /// <summary>The chain is intact.</summary>
    None,

    /// <summary>A record's stored hash does not match its content: the record was edited.</summary>
    HashMismatch,

    /// <summary>A sequence number is missing or unexpected: a record was removed (or inserted).</summary>
    SequenceGap,

    /// <summary>A record's previous hash is not the hash of the record before it: records were removed, inserted or reordered.</summary>
    PreviousHashMismatch,

    /// <summary>The log has fewer records than the anchor says it had: records at the end were removed.</summary>
    Truncated,

    /// <summary>The record at the anchor's count does not have the anchor's hash: history before the anchor was rewritten.</summary>
    AnchorMismatch,
}

/// <summary>
/// The head of a decision log at some moment (how many records, the hash of the last one), written somewhere the
/// log's custodians cannot rewrite: board minutes, a funder report, a public post. See <see cref="DecisionLog.VerifyAsync"/>.
/// </summary>
public sealed class ChainAnchor
{
    /// <summary>Creates an anchor, for example from what the board minutes say.</summary>
    /// <param name="count">The number of records (the sequence number of the last record); 0 for an empty log.</param>
    /// <param name="headHash">The hash of the last record: 64 hex digits (64 zeros for an empty log); upper case is accepted.</param>
    /// <exception cref="ArgumentException">The count is negative or the hash is not 64 hex digits (or not zeros for count 0).</exception>
    public ChainAnchor(long count, string headHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(headHash);
        if (headHash.Length != 64 || !IsHex(headHash))
        {
            throw new ArgumentException("A head hash is 64 hexadecimal digits.", nameof(headHash));
        }

        headHash = headHash.ToLowerInvariant();
        if (count == 0 && headHash != RecordHash.Genesis)
        {
            throw new ArgumentException("The anchor of an empty log has the head hash 64 zeros.", nameof(headHash));
        }

        Count = count;
        HeadHash = headHash;
    }

    /// <summary>Gets the number of records (the sequence number of the last record).</summary>
    public long Count { get; }

    /// <summary>Gets the hash of the last record, 64 lowercase hex digits.</summary>
    public string HeadHash { get; }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Count}:{HeadHash}");

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The result of <see cref="DecisionLog.VerifyAsync"/>.</summary>
public sealed class ChainVerification
{
    internal ChainVerification(long count, string headHash, long? firstBrokenSequence, ChainBreak reason, string? detail)
    {
        Count = count;
        HeadHash = headHash;
        FirstBrokenSequence = firstBrokenSequence;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Gets whether the chain (and the anchor, when one was given) checks out.</summary>
    public bool IsValid => Reason == ChainBreak.None;

    /// <summary>
    /// Gets the number of records verified intact: all of them when valid, the intact prefix otherwise (0 on an
    /// <see cref="ChainBreak.AnchorMismatch"/>: nothing up to the anchor can be trusted then).
    /// </summary>
    public long Count { get; }

    /// <summary>Gets the hash of the last intact record (64 zeros when there is none). Write it down as an anchor.</summary>
    public string HeadHash { get; }

    /// <summary>Gets the first sequence number at which the chain is broken, or <see langword="null"/> when valid.</summary>
    public long? FirstBrokenSequence { get; }

    /// <summary>Gets why the chain is broken, or <see cref="ChainBreak.None"/>.</summary>
    public ChainBreak Reason { get; }

    /// <summary>Gets a sentence on the break (sequence numbers and hashes, never record content), or <see langword="null"/>.</summary>
    public string? Detail { get; }

    /// <summary>Gets the anchor of the intact prefix (<see cref="Count"/>, <see cref="HeadHash"/>).</summary>
    public ChainAnchor Anchor => new(Count, HeadHash);

    /// <inheritdoc/>
    public override string ToString() =>
        IsValid
            ? FormattableString.Invariant($"valid: {Count} records, head {HeadHash}")
            : FormattableString.Invariant($"broken at sequence {FirstBrokenSequence}: {Reason}. {Detail}");
}
