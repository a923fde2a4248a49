using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nonprofit.Governance.Records;

/// <summary>The canonical form of a record and its SHA-256 hash (documented on <see cref="DecisionRecord"/>).</summary>
internal static class RecordHash
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The canonical JSON text of every field of <paramref name="row"/> except its hash.</summary>
    /// <exception cref="FormatException">A field cannot be put in canonical form (a stored timestamp out of range).</exception>
    public static string CanonicalForm(RecordRow row)
    {
        if (row.TimestampTicks < DateTime.MinValue.Ticks || row.TimestampTicks > DateTime.MaxValue.Ticks)
        {
            throw new FormatException("The timestamp is out of range.");
        }

        var timestamp = new DateTime(row.TimestampTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(256 + row.Inputs.Length + row.Output.Length + row.Explanation.Length);
        sb.Append("{\"sequence\":").Append(row.Sequence.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"id\":");
        CanonicalJson.AppendString(sb, row.Id);
        sb.Append(",\"timestamp\":");
        CanonicalJson.AppendString(sb, timestamp);
        sb.Append(",\"kind\":");
        CanonicalJson.AppendString(sb, row.Kind);
        sb.Append(",\"policyName\":");
        CanonicalJson.AppendString(sb, row.PolicyName);
        sb.Append(",\"policyVersion\":");
        CanonicalJson.AppendString(sb, row.PolicyVersion);
        sb.Append(",\"inputs\":").Append(row.Inputs);
        sb.Append(",\"output\":").Append(row.Output);
        sb.Append(",\"explanation\":");
        CanonicalJson.AppendString(sb, row.Explanation);
        sb.Append(",\"requiresApproval\":").Append(row.RequiresApproval ? "true" : "false");
        sb.Append(",\"approval\":");
        if (row.ApprovalOf is null)
        {
            sb.Append("null");
        }
        else
        {
            sb.Append("{\"decisionId\":");
            CanonicalJson.AppendString(sb, row.ApprovalOf);
            sb.Append(",\"verdict\":");
            AppendNullable(sb, row.Verdict);
            sb.Append(",\"approver\":");
            AppendNullable(sb, row.Approver);
            sb.Append(",\"comment\":");
            AppendNullable(sb, row.Comment);
            sb.Append('}');
        }

        sb.Append(",\"previousHash\":");
        CanonicalJson.AppendString(sb, row.PreviousHash);
        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>SHA-256 of the UTF-8 bytes of the canonical form, as 64 lowercase hex digits.</summary>
    public static string Compute(RecordRow row)
    {
        var bytes = Encoding.UTF8.GetBytes(CanonicalForm(row));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static void AppendNullable(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("null");
        }
        else
        {
            CanonicalJson.AppendString(sb, value);
        }
    }
}
