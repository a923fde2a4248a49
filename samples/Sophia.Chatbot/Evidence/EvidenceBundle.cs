using System.IO.Compression;
using System.Text.Json;

namespace Sophia.Chatbot.Evidence;

/// <summary>Writes a bundle: <c>manifest.json</c>, <c>items/…</c> and <c>README.txt</c> in a ZIP.</summary>
internal static class EvidenceBundle
{
    public const string ManifestPath = "manifest.json";
    public const string ReadmePath = "README.txt";
    public const string ItemsFolder = "items/";

    private const string Readme =
        "Sophia evidence bundle\n\n" +
        "manifest.json lists every item: its sequence, the UTC time it was added to the evidence safe, its SHA-256 and size,\n" +
        "and a hash chain (see the manifest's 'chain' field) that ties the items together in order.\n\n" +
        "To check it by hand: the SHA-256 of each file under items/ must equal the entry's sha256; recomputing the chain\n" +
        "must give each entry's link, and the last link must equal 'head'; 'head' must equal the fingerprint you were given\n" +
        "separately. Any edited, removed, added or reordered item breaks one of these.\n";

    public static async Task<EvidenceBundleReceipt> WriteAsync(
        string bundlePath, IReadOnlyList<(EvidenceItem Item, byte[] Content)> items, DateTimeOffset exportedUtc, CancellationToken cancellationToken)
    {
        var manifest = new EvidenceBundleManifest { ExportedUtc = exportedUtc.ToUniversalTime() };
        var link = EvidenceBundleManifest.ZeroLink;
        var sequence = 0;
        foreach (var (item, _) in items)
        {
            var entry = new EvidenceBundleEntry
            {
                Sequence = ++sequence,
                Id = item.Id,
                Kind = item.Kind == EvidenceKind.Note ? "note" : "file",
                FileName = item.FileName,
                MediaType = item.MediaType,
                CreatedUtc = item.CreatedUtc,
                Sha256 = item.Sha256,
                Size = item.Size,
                Path = ItemsFolder + item.Id + (item.Kind == EvidenceKind.Note ? ".txt" : ".bin"),
            };
            link = EvidenceBundleManifest.Link(link, entry);
            entry.Link = link;
            manifest.Entries.Add(entry);
        }

        manifest.Head = link;
        await using (var stream = new FileStream(bundlePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            await WriteEntryAsync(zip, ManifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, EvidenceBundleManifest.Json), cancellationToken).ConfigureAwait(false);
            await WriteEntryAsync(zip, ReadmePath, System.Text.Encoding.UTF8.GetBytes(Readme), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                await WriteEntryAsync(zip, manifest.Entries[i].Path, items[i].Content, cancellationToken).ConfigureAwait(false);
            }
        }

        return new EvidenceBundleReceipt(manifest.Head, items.Count);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string path, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
    }
}
