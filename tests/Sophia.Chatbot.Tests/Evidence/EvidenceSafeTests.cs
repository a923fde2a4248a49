using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Sophia.Chatbot.Evidence;

namespace Sophia.Chatbot.Tests.Evidence;

public sealed class EvidenceSafeTests
{
    internal const string Passphrase = "correct horse battery staple";
    internal const string NoteText = "He broke the kitchen door on the night of 3 November; my neighbour heard it.";
    internal static readonly EvidenceSafeOptions Fast = new() { Iterations = EvidenceSafeOptions.MinimumIterations };
    internal static readonly byte[] Photo = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public async Task AddNoteAndFile_ReopenWithThePassphrase_ReadsThemBackWithTimesAndHashes()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 22, 15, 0, TimeSpan.Zero));
        using (var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast, time))
        {
            await safe.AddNoteAsync(NoteText);
            time.Advance(TimeSpan.FromMinutes(5));
            await safe.AddFileAsync("door.jpg", "image/jpeg", Photo);
        }

        using var reopened = await EvidenceSafe.OpenAsync(folder.File("safe"), Passphrase);
        Assert.Collection(
            reopened.Items,
            note =>
            {
                Assert.Equal(("0001", EvidenceKind.Note, null), (note.Id, note.Kind, note.FileName));
                Assert.Equal(new DateTimeOffset(2026, 11, 3, 22, 15, 0, TimeSpan.Zero), note.CreatedUtc);
                Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(NoteText))), note.Sha256);
            },
            file =>
            {
                Assert.Equal(("0002", EvidenceKind.File, "door.jpg", "image/jpeg"), (file.Id, file.Kind, file.FileName, file.MediaType));
                Assert.Equal(new DateTimeOffset(2026, 11, 3, 22, 20, 0, TimeSpan.Zero), file.CreatedUtc);
                Assert.Equal(Photo.Length, file.Size);
            });
        Assert.Equal(NoteText, reopened.ReadNote("0001"));
        Assert.Equal(Photo, reopened.ReadContent("0002").ToArray());
    }

    [Fact]
    public async Task OpenAsync_WrongPassphrase_ThrowsWrongPassphraseWithoutContent()
    {
        using var folder = new TempFolder();
        using (var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast))
        {
            await safe.AddNoteAsync(NoteText);
        }

        var ex = await Assert.ThrowsAsync<EvidenceSafeWrongPassphraseException>(() => EvidenceSafe.OpenAsync(folder.File("safe"), "Correct horse battery staple"));
        Assert.DoesNotContain("kitchen", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Passphrase, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SafeFile_WithNotesAndFiles_ContainsNoPlaintext()
    {
        using var folder = new TempFolder();
        using (var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast))
        {
            await safe.AddNoteAsync(NoteText);
            await safe.AddFileAsync("door-photo-evidence.jpg", "image/jpeg", Photo);
        }

        var bytes = await File.ReadAllBytesAsync(folder.File("safe"));
        foreach (var secret in new[] { "kitchen", "neighbour", "door-photo-evidence", "image/jpeg", Passphrase })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }

        Assert.Equal(-1, bytes.AsSpan().IndexOf(Photo.AsSpan(100, 64)));
        Assert.Equal(new[] { folder.File("safe") }, Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task OpenAsync_AnyByteFlipped_FailsWithAnEvidenceSafeException()
    {
        using var folder = new TempFolder();
        using (var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast))
        {
            await safe.AddNoteAsync(NoteText);
            await safe.AddFileAsync("a.bin", null, Photo.AsMemory(0, 200));
        }

        var original = await File.ReadAllBytesAsync(folder.File("safe"));
        await Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 7]).SampleAsync(async (position, bit) =>
        {
            var tampered = folder.File(Guid.NewGuid().ToString("N"));
            var copy = (byte[])original.Clone();
            copy[position] ^= (byte)(1 << bit);
            await File.WriteAllBytesAsync(tampered, copy);
            var ex = await Assert.ThrowsAnyAsync<EvidenceSafeException>(() => EvidenceSafe.OpenAsync(tampered, Passphrase));
            if (position >= EvidenceSafeFormat.AssociatedLength)
            {
                Assert.IsType<EvidenceSafeTamperedException>(ex);
            }
        }, iter: 200);
    }

    [Fact]
    public async Task OpenAsync_Truncated_ThrowsTampered()
    {
        using var folder = new TempFolder();
        using (var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast))
        {
            await safe.AddNoteAsync(NoteText);
        }

        var bytes = await File.ReadAllBytesAsync(folder.File("safe"));
        await File.WriteAllBytesAsync(folder.File("safe"), bytes[..^1]);
        await Assert.ThrowsAsync<EvidenceSafeTamperedException>(() => EvidenceSafe.OpenAsync(folder.File("safe"), Passphrase));
        await File.WriteAllBytesAsync(folder.File("safe"), bytes[..40]);
        await Assert.ThrowsAsync<EvidenceSafeTamperedException>(() => EvidenceSafe.OpenAsync(folder.File("safe"), Passphrase));
    }

    [Fact]
    public async Task CreateAsync_DefaultOptions_Stores600000IterationsInTheHeader()
    {
        Assert.Equal(600_000, new EvidenceSafeOptions().Iterations);
        using var folder = new TempFolder();
        using (await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase))
        {
        }

        var header = await File.ReadAllBytesAsync(folder.File("safe"));
        Assert.Equal(600_000, BitConverter.ToInt32(header, 10));
        Assert.Equal("SOPHSAFE"u8.ToArray(), header[..8]);
    }

    [Fact]
    public async Task CreateAsync_TooFewIterationsOrExistingFile_Throws()
    {
        using var folder = new TempFolder();
        await Assert.ThrowsAsync<ArgumentException>(() => EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, new EvidenceSafeOptions { Iterations = 10 }));
        using (await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast))
        {
        }

        await Assert.ThrowsAsync<IOException>(() => EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast));
    }

    [Fact]
    public async Task AddNoteAsync_Cancelled_ThrowsAndAddsNothing()
    {
        using var folder = new TempFolder();
        using var safe = await EvidenceSafe.CreateAsync(folder.File("safe"), Passphrase, Fast);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => safe.AddNoteAsync(NoteText, new CancellationToken(canceled: true)));
        Assert.Empty(safe.Items);
    }
}
