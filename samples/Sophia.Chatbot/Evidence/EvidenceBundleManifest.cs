using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sophia.Chatbot.Evidence;

/// <summary>The JSON manifest of a bundle (<c>manifest.json</c>) and its hash chain.</summary>
internal sealed class EvidenceBundleManifest
{
    /// <summary>The format's name and version.</summary>
    public const string FormatName = "sophia-evidence-bundle/1";

    public static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public string Format { get; set; } = FormatName;

    public DateTimeOffset ExportedUtc { get; set; }

    public string Chain { get; set; } =
        "link(n) = SHA-256(link(n-1) bytes || UTF-8 of 'sequence|id|kind|createdUtc|sha256|size|fileName|mediaType'), link(0) = 32 zero bytes; head = link of the last entry";

    public List<EvidenceBundleEntry> Entries { get; set; } = [];

    /// <summary>The last entry's link (the bundle's fingerprint); the zero link when there are no entries.</summary>
    public string Head { get; set; } = string.Empty;

    /// <summary>The zero link, lower-case hex.</summary>
    public static string ZeroLink { get; } = new('0', 64);

    /// <summary>The next link of the chain after <paramref name="previous"/> (lower-case hex).</summary>
    public static string Link(string previous, EvidenceBundleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = string.Join(
            '|',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Id,
            entry.Kind,
            entry.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            entry.Sha256,
            entry.Size.ToString(CultureInfo.InvariantCulture),
            entry.FileName ?? string.Empty,
            entry.MediaType ?? string.Empty);
        var bytes = new byte[32 + Encoding.UTF8.GetByteCount(line)];
        Convert.FromHexString(previous).CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(line, bytes.AsSpan(32));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

/// <summary>One entry of the manifest.</summary>
internal sealed class EvidenceBundleEntry
{
    public int Sequence { get; set; }

    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string? FileName { get; set; }

    public string? MediaType { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>The item's path in the ZIP (<c>items/0001.txt</c>, <c>items/0002.bin</c>).</summary>
    public string Path { get; set; } = string.Empty;

    public string Link { get; set; } = string.Empty;
}

/// <summary>What <see cref="EvidenceSafe.ExportBundleAsync"/> returns.</summary>
/// <param name="Fingerprint">The hash chain's head (lower-case hex): give it to the lawyer by another channel.</param>
/// <param name="ItemCount">How many items the bundle holds.</param>
internal sealed record EvidenceBundleReceipt(string Fingerprint, int ItemCount);
