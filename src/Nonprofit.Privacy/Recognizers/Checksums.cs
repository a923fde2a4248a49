using System;
using System.Security.Cryptography;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>Check-digit algorithms of the identifiers the recognizers validate. Inputs are ASCII digits.</summary>
internal static class Checksums
{
    /// <summary>Luhn (mod 10): payment cards, South African ids.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return digits.Length > 1 && sum % 10 == 0;
    }

    private static readonly byte[,] s_verhoeffD =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] s_verhoeffP =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>Verhoeff (dihedral group D5): Indian Aadhaar.</summary>
    public static bool Verhoeff(ReadOnlySpan<char> digits)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            c = s_verhoeffD[c, s_verhoeffP[i % 8, d]];
        }

        return c == 0;
    }

    /// <summary>ISO 7064 mod 97-10 over an IBAN (letters as 10..35, first four characters moved to the end).</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetter(c))
            {
                var v = char.ToUpperInvariant(c) - 'A' + 10;
                remainder = ((remainder * 100) + v) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>Brazilian CPF: two mod-11 check digits over 11 digits, not all equal.</summary>
    public static bool Cpf(ReadOnlySpan<char> d)
    {
        if (d.Length != 11 || AllSame(d))
        {
            return false;
        }

        return CpfDigit(d[..9], 10) == d[9] - '0' && CpfDigit(d[..10], 11) == d[10] - '0';
    }

    private static int CpfDigit(ReadOnlySpan<char> d, int weight)
    {
        var sum = 0;
        foreach (var c in d)
        {
            sum += (c - '0') * weight--;
        }

        var r = sum * 10 % 11;
        return r == 10 ? 0 : r;
    }

    /// <summary>Portuguese NIF (número de contribuinte): 9 digits, weights 9..2, check = 11 - (sum mod 11), 10 and 11 mean 0.</summary>
    public static bool PortugueseNif(ReadOnlySpan<char> d)
    {
        if (d.Length != 9 || AllSame(d))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (d[i] - '0') * (9 - i);
        }

        var check = 11 - (sum % 11);
        return (check >= 10 ? 0 : check) == d[8] - '0';
    }

    /// <summary>UK NHS number: 10 digits, weights 10..2, check = 11 - (sum mod 11), 10 invalid, 11 means 0.</summary>
    public static bool NhsMod11(ReadOnlySpan<char> d)
    {
        if (d.Length != 10 || AllSame(d))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == d[9] - '0';
    }

    /// <summary>French NIR: 13 characters (Corsica 2A/2B allowed at positions 6-7) plus key = 97 - (n mod 97).</summary>
    public static bool FrenchNir(ReadOnlySpan<char> s)
    {
        if (s.Length != 15)
        {
            return false;
        }

        long n = 0;
        for (var i = 0; i < 13; i++)
        {
            var c = s[i];
            int v;
            if (char.IsAsciiDigit(c))
            {
                v = c - '0';
            }
            else if (i == 6 && (c == 'A' || c == 'B') && s[5] == '2')
            {
                v = 0;
            }
            else
            {
                return false;
            }

            n = (n * 10) + v;
        }

        // Corsica: 2A counts as 19, 2B as 18 in the department digits.
        if (s[6] == 'A')
        {
            n -= 1_000_000;
        }
        else if (s[6] == 'B')
        {
            n -= 2_000_000;
        }

        if (!char.IsAsciiDigit(s[13]) || !char.IsAsciiDigit(s[14]))
        {
            return false;
        }

        var key = ((s[13] - '0') * 10) + (s[14] - '0');
        return key == 97 - (int)(n % 97);
    }

    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>The Spanish DNI/NIE control letter for a number.</summary>
    public static char SpanishControlLetter(int number) => DniLetters[number % 23];

    /// <summary>Base58Check: decodes and compares the last four bytes with the double SHA-256 of the rest.</summary>
    public static bool Base58Check(ReadOnlySpan<char> s)
    {
        const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        Span<byte> bytes = stackalloc byte[40];
        bytes.Clear();
        var length = 1;
        foreach (var c in s)
        {
            var carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0)
            {
                return false;
            }

            for (var j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                if (length == bytes.Length)
                {
                    return false;
                }

                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        var leadingZeros = 0;
        while (leadingZeros < s.Length && s[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        // bytes is little-endian; build the big-endian payload.
        var total = leadingZeros + length;
        if (length == 1 && bytes[0] == 0)
        {
            total = leadingZeros;
        }

        if (total < 5 || total > 40)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[total];
        decoded.Clear();
        for (var i = 0; i < total - leadingZeros; i++)
        {
            decoded[total - 1 - i] = bytes[i];
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(decoded[..^4], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(decoded[^4..]);
    }

    /// <summary>Bech32 / Bech32m checksum of a segwit address such as <c>bc1q...</c> (lower or upper case, not mixed).</summary>
    public static bool Bech32(ReadOnlySpan<char> s)
    {
        const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        var separator = s.LastIndexOf('1');
        if (separator < 1 || separator + 7 > s.Length || s.Length > 90)
        {
            return false;
        }

        uint chk = 1;
        static uint PolyMod(uint chk, int v)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (uint)v;
            ReadOnlySpan<uint> gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= gen[i];
                }
            }

            return chk;
        }

        for (var i = 0; i < separator; i++)
        {
            chk = PolyMod(chk, char.ToLowerInvariant(s[i]) >> 5);
        }

        chk = PolyMod(chk, 0);
        for (var i = 0; i < separator; i++)
        {
            chk = PolyMod(chk, char.ToLowerInvariant(s[i]) & 31);
        }

        for (var i = separator + 1; i < s.Length; i++)
        {
            var v = Charset.IndexOf(char.ToLowerInvariant(s[i]), StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            chk = PolyMod(chk, v);
        }

        return chk == 1 || chk == 0x2bc830a3;
    }

    /// <summary>Returns whether every character is the same (000000000, 111111111...).</summary>
    public static bool AllSame(ReadOnlySpan<char> d) => d.Length > 0 && !d.ContainsAnyExcept(d[0]);
}
