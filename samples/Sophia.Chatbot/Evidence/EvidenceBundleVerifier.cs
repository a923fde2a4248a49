using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Sophia.Chatbot.Evidence;

/// <summary>The result of <see cref="EvidenceBundleVerifier.VerifyAsync"/>.</summary>
/// <param name="Problems">What is wrong, one line each (sequence numbers and paths, never content); empty when valid.</param>
/// <param name="ItemCount">How many entries the manifest lists.</param>
/// <param name="Fingerprint">The manifest's head, or <see langword="null"/> when the manifest could not be read.</param>
internal sealed record EvidenceBundleVerification(IReadOnlyList<string> Problems, int ItemCount, string? Fingerprint)
{
    /// <summary>Whether the bundle passed every check.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks a bundle written by <see cref="EvidenceSafe.ExportBundleAsync"/>: every item's SHA-256 and size against the
/// manifest, sequences 1..n in order, the hash chain and its head, no missing or extra file, and (when given) the head
/// against the fingerprint received by another channel. Detects edited, removed, added and reordered items.
/// </summary>
internal static class EvidenceBundleVerifier
{
    /// <summary>Verifies a bundle.</summary>
    /// <param name="bundlePath">The ZIP file.</param>
    /// <param name="expectedFingerprint">The fingerprint the user gave, or <see langword="null"/> to check internal consistency only.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    public static async Task<EvidenceBundleVerification> VerifyAsync(string bundlePath, string? expectedFingerprint = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bundlePath);
        var problems = new List<string>();
        await using var stream = new FileStream(bundlePath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return new EvidenceBundleVerification(["the bundle is not a readable ZIP file"], 0, null);
        }

        using (zip)
        {
            var manifest = await ReadManifestAsync(zip, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                return new EvidenceBundleVerification(["manifest.json is missing or unreadable"], 0, null);
            }

            if (manifest.Format != EvidenceBundleManifest.FormatName)
            {
                problems.Add("unknown bundle format");
            }

            var link = EvidenceBundleManifest.ZeroLink;
            var listed = new HashSet<string>(StringComparer.Ordinal) { EvidenceBundle.ManifestPath, EvidenceBundle.ReadmePath };
            for (var i = 0; i < manifest.Entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = manifest.Entries[i];
                if (entry.Sequence != i + 1)
                {
                    problems.Add($"entry {i + 1}: sequence {entry.Sequence} out of order");
                }

                link = Link(link, entry, problems, i + 1);
                if (!string.Equals(link, entry.Link, StringComparison.Ordinal))
                {
                    problems.Add($"entry {i + 1}: hash chain link does not match");
                }

                listed.Add(entry.Path);
                await CheckContentAsync(zip, entry, problems, i + 1, cancellationToken).ConfigureAwait(false);
            }

            if (!string.Equals(link, manifest.Head, StringComparison.Ordinal))
            {
                problems.Add("the hash chain's head does not match the manifest");
            }

            if (expectedFingerprint is not null && !string.Equals(expectedFingerprint.Trim(), manifest.Head, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("the fingerprint differs from the one expected");
            }

            foreach (var extra in zip.Entries.Select(e => e.FullName).Where(n => !listed.Contains(n)))
            {
                problems.Add($"file not in the manifest: {extra}");
            }

            return new EvidenceBundleVerification(problems, manifest.Entries.Count, manifest.Head);
        }
    }

    private static string Link(string previous, EvidenceBundleEntry entry, List<string> problems, int position)
    {
        try
        {
            return EvidenceBundleManifest.Link(previous, entry);
        }
        catch (FormatException)
        {
            problems.Add($"entry {position}: hash chain link is not hexadecimal");
            return EvidenceBundleManifest.ZeroLink;
        }
    }

    private static async Task<EvidenceBundleManifest?> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(EvidenceBundle.ManifestPath);
        if (entry is null)
        {
            return null;
        }

        try
        {
            await using var manifest = entry.Open();
            return await JsonSerializer.DeserializeAsync<EvidenceBundleManifest>(manifest, EvidenceBundleManifest.Json, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static async Task CheckContentAsync(ZipArchive zip, EvidenceBundleEntry entry, List<string> problems, int position, CancellationToken cancellationToken)
    {
        var file = zip.GetEntry(entry.Path);
        if (file is null)
        {
            problems.Add($"entry {position}: item file missing");
            return;
        }

        try
        {
            await using var content = file.Open();
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length != entry.Size)
            {
                problems.Add($"entry {position}: size does not match");
            }

            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())), entry.Sha256, StringComparison.Ordinal))
            {
                problems.Add($"entry {position}: SHA-256 does not match");
            }
        }
        catch (InvalidDataException)
        {
            problems.Add($"entry {position}: item file is damaged");
        }
    }
}
