using System;
using System.Text.Json;

namespace Nonprofit.Governance.Records;

/// <summary>
/// One stored, hash-chained entry of a <see cref="DecisionLog"/>: an algorithmic decision or a person's approval
/// or rejection of one. Records are immutable; approvals are records of their own.
/// </summary>
/// <remarks>
/// <para>
/// <b>Hash.</b> <see cref="Hash"/> is the SHA-256 digest, as 64 lowercase hexadecimal digits, of the UTF-8 bytes of
/// this canonical JSON object (no whitespace, properties in exactly this order):
/// </para>
/// <code>
/// {"sequence":1,"id":"…","timestamp":"…","kind":"…","policyName":"…","policyVersion":"…","inputs":…,"output":…,
///  "explanation":"…","requiresApproval":false,"approval":null,"previousHash":"…"}
/// </code>
/// <list type="bullet">
/// <item><c>sequence</c>: the decimal integer. <c>id</c>: the GUID as 36 lowercase characters with hyphens
/// (<c>"D"</c> format). <c>timestamp</c>: UTC as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c> (always seven fractional digits).</item>
/// <item><c>kind</c>: <c>allocation</c>, <c>prioritisation</c>, <c>escalation</c>, <c>other</c> or <c>approval</c>.</item>
/// <item><c>inputs</c>, <c>output</c>: the JSON value in canonical form: object properties sorted by name in ordinal
/// (UTF-16 code unit) order, duplicate names refused, no whitespace; numbers keep the literal text they were given
/// (<c>1.0</c> and <c>1</c> differ); strings escaped as below.</item>
/// <item><c>approval</c>: <c>null</c>, or for an approval record
/// <c>{"decisionId":"…","verdict":"approved"|"rejected","approver":"…","comment":null|"…"}</c>.</item>
/// <item><c>previousHash</c>: the <see cref="Hash"/> of the record with the previous sequence number; for the first
/// record 64 zeros.</item>
/// <item>Strings: <c>"</c> and <c>\</c> escaped with a backslash; U+0008, U+0009, U+000A, U+000C, U+000D as
/// <c>\b \t \n \f \r</c>; other characters below U+0020 as <c>\u00xx</c> (lowercase hex); everything else as itself in
/// UTF-8 (strings with unpaired surrogates are refused).</item>
/// </list>
/// <para>
/// This is the form of RFC 8785 (JSON Canonicalization Scheme) except for numbers, which are not re-formatted.
/// Anyone holding an export of the records can recompute every hash with a few lines of code in any language.
/// </para>
/// </remarks>
public sealed class DecisionRecord
{
    private readonly RecordRow _row;

    internal DecisionRecord(RecordRow row)
    {
        _row = row;
        Id = Guid.ParseExact(row.Id, "D");
        Timestamp = new DateTimeOffset(row.TimestampTicks, TimeSpan.Zero);
        Kind = RecordText.ParseKind(row.Kind);
        Inputs = Parse(row.Inputs);
        Output = Parse(row.Output);
        if (row.ApprovalOf is not null)
        {
            Approval = new DecisionApproval(Guid.ParseExact(row.ApprovalOf, "D"), RecordText.ParseVerdict(row.Verdict!), row.Approver!, row.Comment);
        }
    }

    /// <summary>Gets the position in the log: 1 for the first record, then consecutive.</summary>
    public long Sequence => _row.Sequence;

    /// <summary>Gets the record's id.</summary>
    public Guid Id { get; }

    /// <summary>Gets when the record was appended (UTC, from the log's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets what kind of decision this is.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Gets the name of the policy or model that decided.</summary>
    public string PolicyName => _row.PolicyName;

    /// <summary>Gets the version of the policy or model that decided.</summary>
    public string PolicyVersion => _row.PolicyVersion;

    /// <summary>Gets the aggregated inputs (canonical form).</summary>
    public JsonElement Inputs { get; }

    /// <summary>Gets the output (canonical form).</summary>
    public JsonElement Output { get; }

    /// <summary>Gets the plain-language explanation.</summary>
    public string Explanation => _row.Explanation;

    /// <summary>Gets whether a person must approve the decision before it takes effect.</summary>
    public bool RequiresApproval => _row.RequiresApproval;

    /// <summary>Gets, for an approval record, which decision it decides and how; otherwise <see langword="null"/>.</summary>
    public DecisionApproval? Approval { get; }

    /// <summary>Gets the hash of the previous record (64 zeros for the first).</summary>
    public string PreviousHash => _row.PreviousHash;

    /// <summary>Gets the SHA-256 hash of this record's canonical form (see the remarks), 64 lowercase hex digits.</summary>
    public string Hash => _row.Hash;

    /// <summary>Gets the canonical JSON form this record's hash is computed over (see the remarks).</summary>
    /// <returns>The canonical JSON text.</returns>
    public string ToCanonicalJson() => RecordHash.CanonicalForm(_row);

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException("A decision record holds JSON that does not parse; the log may have been edited (run VerifyAsync).", e);
        }
    }
}
