using System;
using System.Security.Cryptography;
using System.Text;

namespace Nonprofit.Privacy;

internal sealed class PlaceholderOperator : RedactionOperator
{
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination) =>
        destination.Append('<').Append(type.Name).Append('>');
}

internal sealed class EraseOperator : RedactionOperator
{
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination)
    {
    }
}

internal sealed class MaskOperator(char mask, int keepLast) : RedactionOperator
{
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination)
    {
        // Keep separators (spaces, dashes, '@', '.') so the shape survives; keep the last N letters/digits.
        var keepFrom = value.Length;
        for (var kept = 0; kept < keepLast && keepFrom > 0;)
        {
            keepFrom--;
            if (char.IsLetterOrDigit(value[keepFrom]))
            {
                kept++;
            }
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            destination.Append(i < keepFrom && char.IsLetterOrDigit(c) ? mask : c);
        }
    }
}

internal sealed class PseudonymOperator : RedactionOperator
{
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination) =>
        destination.Append(context.Vault.GetOrAddPseudonym(context.Scope, type, value.ToString()));
}

internal sealed class KeyedHashOperator : RedactionOperator
{
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination)
    {
        var key = context.HashKey;
        if (key.IsEmpty)
        {
            throw new InvalidOperationException(
                "The KeyedHash operator needs PiiRedactorOptions.HashKey (at least 32 bytes); set it from a secret store.");
        }

        var byteCount = Encoding.UTF8.GetByteCount(value) + type.Name.Length + 1;
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        var written = Encoding.UTF8.GetBytes(type.Name, buffer);
        buffer[written++] = (byte)':';
        Encoding.UTF8.GetBytes(value, buffer[written..]);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key.Span, buffer, hash);
        destination.Append('<').Append(type.Name).Append(':').Append(Convert.ToHexStringLower(hash[..8])).Append('>');
    }
}
