using System.Buffers.Binary;
using System.Text.Json;

namespace Sophia.Chatbot.Evidence;

/// <summary>
/// The plaintext inside a safe: a 4-byte little-endian length, a JSON index of the items (metadata only), then every
/// item's content, in index order. Only ever held in memory; written to disk encrypted by <see cref="EvidenceSafeFormat"/>.
/// </summary>
internal static class EvidencePayload
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static byte[] Write(IReadOnlyList<(EvidenceItem Item, byte[] Content)> items)
    {
        var index = JsonSerializer.SerializeToUtf8Bytes(items.Select(i => i.Item).ToArray(), s_json);
        var total = 4 + index.Length + items.Sum(i => (long)i.Content.Length);
        var payload = new byte[checked((int)total)];
        BinaryPrimitives.WriteInt32LittleEndian(payload, index.Length);
        index.CopyTo(payload, 4);
        var at = 4 + index.Length;
        foreach (var (_, content) in items)
        {
            content.CopyTo(payload, at);
            at += content.Length;
        }

        return payload;
    }

    /// <exception cref="EvidenceSafeTamperedException">The payload is malformed or a content hash does not match.</exception>
    public static List<(EvidenceItem Item, byte[] Content)> Read(byte[] payload)
    {
        try
        {
            var indexLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
            var items = JsonSerializer.Deserialize<EvidenceItem[]>(payload.AsSpan(4, indexLength), s_json) ?? [];
            var result = new List<(EvidenceItem, byte[])>(items.Length);
            var at = 4 + indexLength;
            foreach (var item in items)
            {
                var content = payload.AsSpan(at, checked((int)item.Size)).ToArray();
                at += content.Length;
                if (EvidenceHash.Sha256Hex(content) != item.Sha256)
                {
                    throw new EvidenceSafeTamperedException("An item of the evidence safe does not match its hash.");
                }

                result.Add((item, content));
            }

            return at == payload.Length ? result : throw new EvidenceSafeTamperedException("The evidence safe's contents have an unexpected length.");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new EvidenceSafeTamperedException("The evidence safe's contents are malformed.", ex);
        }
    }
}
