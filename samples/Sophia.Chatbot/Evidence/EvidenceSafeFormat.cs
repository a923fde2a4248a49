using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sophia.Chatbot.Evidence;

/// <summary>
/// The safe's file format, version 1. Only the header is in clear: it holds no evidence, only how to derive the key.
/// <code>
/// offset size
///      0    8  magic "SOPHSAFE"
///      8    1  version (1)
///      9    1  KDF (1 = PBKDF2-HMAC-SHA256)
///     10    4  iterations, little-endian
///     14   16  salt (random per safe)
///     30   32  key check: HMAC-SHA256(check key, bytes 0..29)
///     62   12  AES-GCM nonce (random per write)
///     74   16  AES-GCM tag
///     90    …  AES-256-GCM ciphertext of the payload, with bytes 0..61 as associated data
/// </code>
/// Keys: master = PBKDF2-HMAC-SHA256(passphrase UTF-8, salt, iterations, 32 bytes); encryption, key-check and bundle
/// keys are HKDF-SHA256 expansions of the master with distinct labels. The file reveals only its size without the
/// passphrase; flipping any byte makes opening fail (wrong passphrase for bytes 0..61, tampered for the rest).
/// </summary>
internal static class EvidenceSafeFormat
{
    public const int MagicLength = 8;
    public const int SaltLength = 16;
    public const int CheckLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int KeyedHeaderLength = MagicLength + 1 + 1 + 4 + SaltLength;
    public const int AssociatedLength = KeyedHeaderLength + CheckLength;
    public const int HeaderLength = AssociatedLength + NonceLength + TagLength;
    public const byte Version = 1;
    public const byte KdfPbkdf2Sha256 = 1;

    private static readonly byte[] s_magic = "SOPHSAFE"u8.ToArray();
    private static readonly byte[] s_encryptionLabel = Encoding.ASCII.GetBytes("sophia-evidence-safe/v1/encryption");
    private static readonly byte[] s_checkLabel = Encoding.ASCII.GetBytes("sophia-evidence-safe/v1/key-check");

    /// <summary>The keys of one safe, derived once per open; zeroed on <see cref="Dispose"/>.</summary>
    internal sealed class SafeKeys : IDisposable
    {
        public SafeKeys(byte[] encryption, byte[] check, byte[] header)
        {
            Encryption = encryption;
            Check = check;
            KeyedHeader = header;
        }

        public byte[] Encryption { get; }

        public byte[] Check { get; }

        /// <summary>Bytes 0..29 of the header (magic, version, KDF, iterations, salt).</summary>
        public byte[] KeyedHeader { get; }

        public void Dispose()
        {
            CryptographicOperations.ZeroMemory(Encryption);
            CryptographicOperations.ZeroMemory(Check);
        }
    }

    /// <summary>Derives the keys of a new safe with a random salt.</summary>
    public static SafeKeys NewKeys(string passphrase, int iterations)
    {
        var header = new byte[KeyedHeaderLength];
        s_magic.CopyTo(header, 0);
        header[MagicLength] = Version;
        header[MagicLength + 1] = KdfPbkdf2Sha256;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(MagicLength + 2), iterations);
        RandomNumberGenerator.Fill(header.AsSpan(MagicLength + 6, SaltLength));
        return Derive(passphrase, header);
    }

    /// <summary>Reads an existing safe's header and derives its keys; checks the passphrase.</summary>
    /// <exception cref="EvidenceSafeTamperedException">Not a safe, an unknown version or KDF, or truncated.</exception>
    /// <exception cref="EvidenceSafeWrongPassphraseException">The key check fails.</exception>
    public static SafeKeys OpenKeys(string passphrase, ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderLength || !file[..MagicLength].SequenceEqual(s_magic))
        {
            throw new EvidenceSafeTamperedException("The file is not an evidence safe, or it is truncated.");
        }

        if (file[MagicLength] != Version || file[MagicLength + 1] != KdfPbkdf2Sha256)
        {
            throw new EvidenceSafeTamperedException("The evidence safe has an unknown version or key derivation.");
        }

        var iterations = BinaryPrimitives.ReadInt32LittleEndian(file[(MagicLength + 2)..]);
        if (iterations is < EvidenceSafeOptions.MinimumIterations or > EvidenceSafeOptions.MaximumIterations)
        {
            throw new EvidenceSafeWrongPassphraseException();
        }

        var keys = Derive(passphrase, file[..KeyedHeaderLength].ToArray());
        Span<byte> check = stackalloc byte[CheckLength];
        HMACSHA256.HashData(keys.Check, keys.KeyedHeader, check);
        if (!CryptographicOperations.FixedTimeEquals(check, file.Slice(KeyedHeaderLength, CheckLength)))
        {
            keys.Dispose();
            throw new EvidenceSafeWrongPassphraseException();
        }

        return keys;
    }

    /// <summary>Encrypts a payload into a whole safe file (new random nonce).</summary>
    public static byte[] Seal(SafeKeys keys, ReadOnlySpan<byte> payload)
    {
        var file = new byte[HeaderLength + payload.Length];
        keys.KeyedHeader.CopyTo(file, 0);
        HMACSHA256.HashData(keys.Check, keys.KeyedHeader, file.AsSpan(KeyedHeaderLength, CheckLength));
        var nonce = file.AsSpan(AssociatedLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Encryption, TagLength);
        aes.Encrypt(nonce, payload, file.AsSpan(HeaderLength), file.AsSpan(AssociatedLength + NonceLength, TagLength), file.AsSpan(0, AssociatedLength));
        return file;
    }

    /// <summary>Decrypts a safe file's payload (the keys come from <see cref="OpenKeys"/>).</summary>
    /// <exception cref="EvidenceSafeTamperedException">Authentication fails: the file was altered.</exception>
    public static byte[] Open(SafeKeys keys, ReadOnlySpan<byte> file)
    {
        var payload = new byte[file.Length - HeaderLength];
        try
        {
            using var aes = new AesGcm(keys.Encryption, TagLength);
            aes.Decrypt(
                file.Slice(AssociatedLength, NonceLength), file[HeaderLength..], file.Slice(AssociatedLength + NonceLength, TagLength), payload, file[..AssociatedLength]);
            return payload;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(payload);
            throw new EvidenceSafeTamperedException("The evidence safe was altered or damaged: its contents fail authentication.", ex);
        }
    }

    private static SafeKeys Derive(string passphrase, byte[] keyedHeader)
    {
        var iterations = BinaryPrimitives.ReadInt32LittleEndian(keyedHeader.AsSpan(MagicLength + 2));
        var salt = keyedHeader.AsSpan(MagicLength + 6, SaltLength);
        var master = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);
        try
        {
            var encryption = HKDF.Expand(HashAlgorithmName.SHA256, master, 32, s_encryptionLabel);
            var check = HKDF.Expand(HashAlgorithmName.SHA256, master, 32, s_checkLabel);
            return new SafeKeys(encryption, check, keyedHeader);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }
}
