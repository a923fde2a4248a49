using System.Security.Cryptography;

namespace Sophia.Chatbot.Evidence;

/// <summary>SHA-256 as lower-case hex, the form used in the safe's index and the bundle's manifest.</summary>
internal static class EvidenceHash
{
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
