using System.Security.Cryptography;
using System.Text;

namespace Sophia.Chatbot.Evidence;

/// <summary>
/// An encrypted evidence safe in one file: notes and files, each with the UTC time it was added and its SHA-256, sealed
/// with AES-256-GCM under a key derived from the passphrase (PBKDF2-HMAC-SHA256, 600,000 iterations by default, random
/// salt; see <see cref="EvidenceSafeFormat"/>). Without the passphrase the file reveals only its size. Every change
/// rewrites the whole file atomically (a temporary file in the same folder, then a rename).
/// </summary>
/// <remarks>
/// The decrypted items are held in memory while the safe is open; <see cref="Dispose"/> zeroes the keys and contents.
/// <see cref="ExportBundleAsync"/> writes the evidence in clear, for a lawyer: only on the user's request.
/// </remarks>
internal sealed class EvidenceSafe : IDisposable
{
    private readonly string _path;
    private readonly EvidenceSafeFormat.SafeKeys _keys;
    private readonly TimeProvider _time;
    private readonly List<(EvidenceItem Item, byte[] Content)> _items;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private EvidenceSafe(string path, EvidenceSafeFormat.SafeKeys keys, TimeProvider time, List<(EvidenceItem, byte[])> items)
    {
        _path = path;
        _keys = keys;
        _time = time;
        _items = items;
    }

    /// <summary>The items, oldest first (metadata only).</summary>
    public IReadOnlyList<EvidenceItem> Items
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _items.Select(i => i.Item).ToArray();
        }
    }

    /// <summary>Creates a new, empty safe at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The passphrase is empty, or the options' iterations are out of range.</exception>
    /// <exception cref="IOException">A file already exists at <paramref name="path"/>.</exception>
    public static async Task<EvidenceSafe> CreateAsync(
        string path, string passphrase, EvidenceSafeOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var iterations = (options ?? new EvidenceSafeOptions()).Iterations;
        if (iterations is < EvidenceSafeOptions.MinimumIterations or > EvidenceSafeOptions.MaximumIterations)
        {
            throw new ArgumentException(
                $"Iterations must be between {EvidenceSafeOptions.MinimumIterations} and {EvidenceSafeOptions.MaximumIterations}.", nameof(options));
        }

        if (File.Exists(path))
        {
            throw new IOException("An evidence safe already exists at this path.");
        }

        var keys = await Task.Run(() => EvidenceSafeFormat.NewKeys(passphrase, iterations), cancellationToken).ConfigureAwait(false);
        var safe = new EvidenceSafe(path, keys, timeProvider ?? TimeProvider.System, []);
        await safe.SaveAsync(cancellationToken).ConfigureAwait(false);
        return safe;
    }

    /// <summary>Opens an existing safe.</summary>
    /// <exception cref="EvidenceSafeWrongPassphraseException">The passphrase does not open it (or its header was altered).</exception>
    /// <exception cref="EvidenceSafeTamperedException">It is not a safe, is truncated, or was altered.</exception>
    public static async Task<EvidenceSafe> OpenAsync(
        string path, string passphrase, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var file = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var keys = await Task.Run(() => EvidenceSafeFormat.OpenKeys(passphrase, file), cancellationToken).ConfigureAwait(false);
        try
        {
            var payload = EvidenceSafeFormat.Open(keys, file);
            try
            {
                return new EvidenceSafe(path, keys, timeProvider ?? TimeProvider.System, EvidencePayload.Read(payload));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payload);
            }
        }
        catch
        {
            keys.Dispose();
            throw;
        }
    }

    /// <summary>Adds a note, timestamped now (UTC).</summary>
    public Task<EvidenceItem> AddNoteAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return AddAsync(EvidenceKind.Note, null, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>Adds a file, timestamped now (UTC).</summary>
    /// <param name="fileName">The file's name as the user gave it (kept encrypted; shown in the bundle's manifest).</param>
    /// <param name="mediaType">Its media type, or <see langword="null"/>.</param>
    /// <param name="content">Its bytes (copied).</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    public Task<EvidenceItem> AddFileAsync(string fileName, string? mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return AddAsync(EvidenceKind.File, fileName, mediaType, content.ToArray(), cancellationToken);
    }

    /// <summary>The content of an item.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    public ReadOnlyMemory<byte> ReadContent(string id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var (item, content) in _items)
        {
            if (item.Id == id)
            {
                return content;
            }
        }

        throw new KeyNotFoundException("No evidence item has this id.");
    }

    /// <summary>The text of a note.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    public string ReadNote(string id) => Encoding.UTF8.GetString(ReadContent(id).Span);

    /// <summary>
    /// Writes a bundle a lawyer can verify: a ZIP with <c>manifest.json</c> (every item's sequence, time, SHA-256, size
    /// and a SHA-256 hash chain over them), the items in clear under <c>items/</c>, and a <c>README.txt</c> explaining
    /// how to check it. Give the returned fingerprint to the lawyer by another channel: <see cref="EvidenceBundleVerifier"/>
    /// then also detects a bundle rebuilt from scratch.
    /// </summary>
    /// <returns>The bundle's fingerprint (the hash chain's head) and its item count.</returns>
    public async Task<EvidenceBundleReceipt> ExportBundleAsync(string bundlePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bundlePath);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EvidenceBundle.WriteAsync(bundlePath, _items, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Zeroes the keys and the decrypted contents held in memory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _keys.Dispose();
        foreach (var (_, content) in _items)
        {
            CryptographicOperations.ZeroMemory(content);
        }

        _items.Clear();
        _gate.Dispose();
    }

    private async Task<EvidenceItem> AddAsync(EvidenceKind kind, string? fileName, string? mediaType, byte[] content, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var item = new EvidenceItem(
                (_items.Count + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), kind, fileName, mediaType,
                _time.GetUtcNow().ToUniversalTime(), EvidenceHash.Sha256Hex(content), content.Length);
            _items.Add((item, content));
            try
            {
                await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _items.RemoveAt(_items.Count - 1);
                throw;
            }

            return item;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var payload = EvidencePayload.Write(_items);
        byte[] file;
        try
        {
            file = EvidenceSafeFormat.Seal(_keys, payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        var temporary = Path.Combine(folder, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, file, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
