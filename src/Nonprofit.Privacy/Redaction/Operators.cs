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
    public override void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination) =>
        Write(value, keepLast, destination);

    /// <summary>
    /// Masks <paramref name="value"/> rune by rune: a letter, digit or combining mark written as a surrogate pair is
    /// one character for <paramref name="keep"/>, and is written as two mask characters so the UTF-16 length is kept.
    /// Separators stay; a lone surrogate is masked.
    /// </summary>
    internal void Write(ReadOnlySpan<char> value, int keep, StringBuilder destination)
    {
        // Keep separators (spaces, dashes, '@', '.') so the shape survives; keep the last N letters/digits.
        var keepFrom = value.Length;
        for (var kept = 0; kept < keep && keepFrom > 0;)
        {
            var status = Rune.DecodeLastFromUtf16(value[..keepFrom], out var rune, out var length);
            keepFrom -= length;
            if (status == System.Buffers.OperationStatus.Done && Rune.IsLetterOrDigit(rune))
            {
                kept++;
            }
        }

        for (var i = 0; i < value.Length;)
        {
            var status = Rune.DecodeFromUtf16(value[i..], out var rune, out var length);
            var masked = i < keepFrom && (status != System.Buffers.OperationStatus.Done || IsMasked(rune));
            if (masked)
            {
                destination.Append(mask, length);
            }
            else
            {
                destination.Append(value.Slice(i, length));
            }

            i += length;
        }
    }

    private static bool IsMasked(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.SpacingCombiningMark or
            System.Globalization.UnicodeCategory.EnclosingMark or
            System.Globalization.UnicodeCategory.LetterNumber or
            System.Globalization.UnicodeCategory.OtherNumber;
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
