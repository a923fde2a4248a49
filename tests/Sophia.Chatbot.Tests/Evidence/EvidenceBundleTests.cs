using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sophia.Chatbot.Evidence;

namespace Sophia.Chatbot.Tests.Evidence;

public sealed class EvidenceBundleTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task VerifyAsync_UntouchedBundle_IsValidWithTheFingerprint()
    {
        var (bundle, receipt) = await ExportAsync();
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle, receipt.Fingerprint);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal((3, receipt.Fingerprint), (result.ItemCount, result.Fingerprint));
        Assert.Equal(3, receipt.ItemCount);
    }

    [Fact]
    public async Task ExportBundleAsync_Manifest_HasTimesFromTheTimeProviderAndHashes()
    {
        var (bundle, _) = await ExportAsync();
        var manifest = await ReadManifestAsync(bundle);
        Assert.Equal("2026-11-03T22:25:00+00:00", manifest["exportedUtc"]!.GetValue<string>());
        var entries = manifest["entries"]!.AsArray();
        Assert.Equal(["2026-11-03T22:15:00+00:00", "2026-11-03T22:20:00+00:00", "2026-11-03T22:20:00+00:00"], entries.Select(e => e!["createdUtc"]!.GetValue<string>()));
        Assert.Equal("door.jpg", entries[1]!["fileName"]!.GetValue<string>());
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e!["sha256"]!.GetValue<string>()));
    }

    [Fact]
    public async Task VerifyAsync_ItemContentChanged_ReportsTheHashMismatch()
    {
        var (bundle, receipt) = await ExportAsync();
        await RewriteAsync(bundle, (manifest, files) => files["items/0001.txt"] = "He did nothing."u8.ToArray());
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle, receipt.Fingerprint);
        Assert.False(result.IsValid);
        Assert.Contains("entry 1: SHA-256 does not match", result.Problems);
    }

    [Fact]
    public async Task VerifyAsync_EntryRemoved_IsDetected()
    {
        var (bundle, receipt) = await ExportAsync();
        await RewriteAsync(bundle, (manifest, files) =>
        {
            manifest["entries"]!.AsArray().RemoveAt(1);
            files.Remove("items/0002.bin");
        });
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("sequence", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("hash chain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_EntriesReordered_IsDetected()
    {
        var (bundle, _) = await ExportAsync();
        await RewriteAsync(bundle, (manifest, files) =>
        {
            var entries = manifest["entries"]!.AsArray();
            var first = entries[0]!.DeepClone();
            entries[0] = entries[2]!.DeepClone();
            entries[2] = first;
        });
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle);
        Assert.False(result.IsValid);
        Assert.Contains("entry 1: sequence 3 out of order", result.Problems);
    }

    [Fact]
    public async Task VerifyAsync_BundleRebuiltWithAConsistentChain_FailsOnlyAgainstTheFingerprint()
    {
        var (bundle, receipt) = await ExportAsync();
        using (var safe = await EvidenceSafe.CreateAsync(_folder.File("other"), EvidenceSafeTests.Passphrase, EvidenceSafeTests.Fast))
        {
            await safe.AddNoteAsync("A different story.");
            File.Delete(bundle);
            await safe.ExportBundleAsync(bundle);
        }

        Assert.True((await EvidenceBundleVerifier.VerifyAsync(bundle)).IsValid);
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle, receipt.Fingerprint);
        Assert.Equal(["the fingerprint differs from the one expected"], result.Problems);
    }

    [Fact]
    public async Task VerifyAsync_ExtraFileOrMissingFileOrGarbage_IsDetected()
    {
        var (bundle, receipt) = await ExportAsync();
        await RewriteAsync(bundle, (manifest, files) =>
        {
            files["items/0004.txt"] = "added later"u8.ToArray();
            files.Remove("items/0003.bin");
        });
        var result = await EvidenceBundleVerifier.VerifyAsync(bundle, receipt.Fingerprint);
        Assert.Contains("file not in the manifest: items/0004.txt", result.Problems);
        Assert.Contains("entry 3: item file missing", result.Problems);

        await File.WriteAllBytesAsync(bundle, "not a zip"u8.ToArray());
        Assert.False((await EvidenceBundleVerifier.VerifyAsync(bundle)).IsValid);
    }

    private async Task<(string Bundle, EvidenceBundleReceipt Receipt)> ExportAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 22, 15, 0, TimeSpan.Zero));
        using var safe = await EvidenceSafe.CreateAsync(_folder.File("safe"), EvidenceSafeTests.Passphrase, EvidenceSafeTests.Fast, time);
        await safe.AddNoteAsync(EvidenceSafeTests.NoteText);
        time.Advance(TimeSpan.FromMinutes(5));
        await safe.AddFileAsync("door.jpg", "image/jpeg", EvidenceSafeTests.Photo);
        await safe.AddFileAsync("message.png", "image/png", new byte[] { 1, 2, 3 });
        time.Advance(TimeSpan.FromMinutes(5));
        var bundle = _folder.File("bundle.zip");
        var receipt = await safe.ExportBundleAsync(bundle);
        return (bundle, receipt);
    }

    private static async Task<JsonNode> ReadManifestAsync(string bundle)
    {
        using var zip = ZipFile.OpenRead(bundle);
        await using var stream = zip.GetEntry("manifest.json")!.Open();
        return (await JsonNode.ParseAsync(stream))!;
    }

    /// <summary>Rewrites a bundle after letting the test change its manifest and files (as an attacker would).</summary>
    private static async Task RewriteAsync(string bundle, Action<JsonNode, Dictionary<string, byte[]>> change)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(bundle))
        {
            foreach (var entry in zip.Entries)
            {
                await using var stream = entry.Open();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                files[entry.FullName] = buffer.ToArray();
            }
        }

        var manifest = JsonNode.Parse(files["manifest.json"])!;
        change(manifest, files);
        files["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(manifest);
        File.Delete(bundle);
        using var output = ZipFile.Open(bundle, ZipArchiveMode.Create);
        foreach (var (name, content) in files)
        {
            await using var stream = output.CreateEntry(name).Open();
            await stream.WriteAsync(content);
        }
    }
}
