using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Network identifiers: e-mail addresses, URLs (with a scheme or <c>www.</c>) and bare domains with a known
/// top-level domain, IPv6 addresses and MAC addresses.
/// </summary>
internal sealed class WebRecognizer : IPiiRecognizer
{
    private static readonly PiiEntityType[] s_types =
        [PiiEntityType.EmailAddress, PiiEntityType.Url, PiiEntityType.IpAddress, PiiEntityType.MacAddress];

    private static readonly SearchValues<char> s_triggers = SearchValues.Create("@:.");
    private static readonly SearchValues<char> s_hexAndDots = SearchValues.Create("0123456789abcdefABCDEF./");
    private static readonly SearchValues<char> s_localPartStops = SearchValues.Create(":/;?=&");
    private static readonly SearchValues<char> s_domainStops = SearchValues.Create("/:?;&=#");

    private static readonly WordSet s_topLevelDomains = new(
    [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "app", "dev", "ai", "ngo", "ong",
        "us", "uk", "ca", "au", "nz", "ie", "fr", "be", "ch", "de", "at", "nl", "lu", "es", "pt", "it", "se", "no", "dk",
        "fi", "is", "ee", "lv", "lt", "pl", "cz", "sk", "hu", "ro", "bg", "gr", "cy", "mt", "hr", "si", "rs", "ru", "ua",
        "tr", "il", "in", "pk", "bd", "lk", "np", "cn", "jp", "kr", "tw", "hk", "sg", "my", "id", "ph", "th", "vn", "br",
        "ar", "cl", "mx", "pe", "za", "ke", "ng", "tz", "ug", "rw", "et", "gh", "sn", "ci", "cm", "eg", "ma", "tn", "dz",
        "online", "site", "shop", "store", "xyz", "email", "org.uk", "co.uk",
    ]);

    public string Name => "web";

    public IReadOnlyCollection<PiiEntityType> SupportedTypes => s_types;

    public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results) => Recognize(text, results, sentenceEnds: true);

    /// <summary>Finds the matches; <paramref name="sentenceEnds"/> false reads every period's token (a reference for tests).</summary>
    internal void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results, bool sentenceEnds)
    {
        var i = 0;
        var coveredUntil = 0;
        while (i < text.Length)
        {
            var from = i;
            var next = text[i..].IndexOfAny(s_triggers);
            if (next < 0)
            {
                return;
            }

            var at = i + next;
            i = at + 1;
            if (at < coveredUntil)
            {
                continue;
            }

            if (sentenceEnds && text[at] == '.' && IsSentenceEnd(text, from, at))
            {
                continue;
            }

            var (start, end, runEnd) = Token(text, at);

            // Every trigger of this run of token characters reads this very token (the run, trimmed), so this one look
            // handles them all: linear even for a 10 MB token, and an address followed by a period or colon is not
            // read (and reported) a second time from that period.
            i = Math.Max(i, runEnd);
            if (end - start < 4)
            {
                continue;
            }

            var token = text[start..end];
            // The token's content, not the trigger that led here, says what it may be.
            PiiMatch? match = token.Contains('@') ? Email(token, start)
                : token.Contains(':') ? UrlWithScheme(token, start) ?? Ipv6OrMac(token, start)
                : Domain(token, start) ?? Mac(token, start, '.');

            if (match is { } m)
            {
                results.Add(m);
                coveredUntil = m.End;
                i = Math.Max(i, m.End);
            }
        }
    }

    // Whether the period at `at` ends a token that holds no trigger, which then can be nothing ("thanks.", the end of
    // most sentences): the period is the token's last character, so Token trims it, and the token starts at or after
    // `from`, so the search from there found no trigger before the period. With no '@', ':' or '.', no e-mail, URL,
    // IPv6, domain or MAC. Decided by a walk back over ASCII letters and digits (cheaper than Token's walk, which tests
    // every token character): when the character before them is ASCII and not a token character the token starts
    // there; otherwise (a letter outside ASCII, a token character, or `from` reached) the token is read as usual.
    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int from, int at)
    {
        if (at + 1 < text.Length && IsTokenChar(text[at + 1]))
        {
            return false;
        }

        var p = at;
        while (p > from && char.IsAsciiLetterOrDigit(text[p - 1]))
        {
            p--;
        }

        return p == from ? from == 0 : text[p - 1] < 128 && !IsTokenChar(text[p - 1]);
    }

    // A token is a run of characters that may appear in an address, URL or domain, less its trailing and leading
    // punctuation; RunEnd is where the run itself ends (the same for every position inside it).
    private static (int Start, int End, int RunEnd) Token(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && IsTokenChar(text[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && IsTokenChar(text[end]))
        {
            end++;
        }

        var runEnd = end;

        // Trailing punctuation ends a sentence, not an address.
        while (end > start && text[end - 1] is '.' or ',' or ':' or ';' or '!' or '?' or ')' or '\'' or '"')
        {
            end--;
        }

        while (start < end && text[start] is '.' or ':' or '(')
        {
            start++;
        }

        return (start, end, runEnd);
    }

    internal static bool IsTokenChar(char c) =>
        c < 128 ? ((c < 64 ? s_asciiTokenLow >> c : s_asciiTokenHigh >> (c - 64)) & 1) != 0 : char.IsLetterOrDigit(c);

    // IsTokenChar for the ASCII characters, one bit each (characters 0-63, then 64-127), from the definition.
    private static readonly ulong s_asciiTokenLow = AsciiTokenMask(0);
    private static readonly ulong s_asciiTokenHigh = AsciiTokenMask(64);

    /// <summary>The definition of a token character (the fast <see cref="IsTokenChar"/> reads it from two masks for ASCII).</summary>
    internal static bool IsTokenCharReference(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ':' or '/' or '%' or '+' or '?' or '=' or '&' or '#' or '~' or ';';

    private static ulong AsciiTokenMask(int from)
    {
        var mask = 0UL;
        for (var k = 0; k < 64; k++)
        {
            mask |= IsTokenCharReference((char)(from + k)) ? 1UL << k : 0;
        }

        return mask;
    }

    private PiiMatch? Email(ReadOnlySpan<char> token, int start)
    {
        var atIndex = token.IndexOf('@');
        var local = token[..atIndex];
        var domain = token[(atIndex + 1)..];
        var localStart = local.LastIndexOfAny(s_localPartStops);
        if (localStart >= 0)
        {
            start += localStart + 1;
            local = local[(localStart + 1)..];
        }

        var domainEnd = domain.IndexOfAny(s_domainStops);
        if (domainEnd >= 0)
        {
            domain = domain[..domainEnd];
        }

        if (local.IsEmpty || local.Length > 64 || domain.IndexOf('@') >= 0 || !IsHost(domain, anyTopLevelDomain: true))
        {
            return null;
        }

        return new PiiMatch(PiiEntityType.EmailAddress, start, local.Length + 1 + domain.Length, 0.95, Name);
    }

    private PiiMatch? UrlWithScheme(ReadOnlySpan<char> token, int start)
    {
        var scheme = token.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !token[..scheme].ToString().ToLowerInvariant().StartsWith("http", StringComparison.Ordinal)
            && !token[..scheme].Equals("ftp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hostStart = scheme + 3;
        var host = token[hostStart..];
        var hostEnd = host.IndexOfAny("/?#");
        var hostPart = hostEnd >= 0 ? host[..hostEnd] : host;
        var credentials = hostPart.LastIndexOf('@');
        if (credentials >= 0)
        {
            hostPart = hostPart[(credentials + 1)..];
        }

        var port = hostPart.IndexOf(':');
        if (port >= 0)
        {
            hostPart = hostPart[..port];
        }

        return hostPart.Length >= 3 && (IsHost(hostPart) || IPAddress.TryParse(hostPart, out _))
            ? new PiiMatch(PiiEntityType.Url, start, token.Length, 0.9, Name)
            : null;
    }

    private PiiMatch? Domain(ReadOnlySpan<char> token, int start)
    {
        if (token.Contains('@') || token.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var hostEnd = token.IndexOfAny("/?#:");
        var host = hostEnd >= 0 ? token[..hostEnd] : token;
        var www = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!IsHost(host) || (!www && !LooksLikeDomainCase(host)))
        {
            return null;
        }

        return new PiiMatch(PiiEntityType.Url, start, token.Length, www ? 0.85 : 0.6, Name);
    }

    // "Node.js", "ASP.NET", "e.g." are not domains: a bare domain has a lower-case known TLD.
    private static bool LooksLikeDomainCase(ReadOnlySpan<char> host)
    {
        var tld = host[(host.LastIndexOf('.') + 1)..];
        foreach (var c in tld)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // After an '@' any alphabetic top-level domain will do (.ngo, .africa, .health ...); a bare domain needs a known one.
    private static bool IsHost(ReadOnlySpan<char> host, bool anyTopLevelDomain = false)
    {
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == host.Length - 1)
        {
            return false;
        }

        var tld = host[(lastDot + 1)..];
        var known = anyTopLevelDomain ? tld.Length is >= 2 and <= 24 && !tld.ContainsAnyExceptInRange('a', 'z') && !tld.IsEmpty
            || (tld.Length is >= 2 and <= 24 && !tld.ContainsAnyExceptInRange('A', 'Z'))
            : s_topLevelDomains.Contains(tld);
        if (!known)
        {
            return false;
        }

        var label = 0;
        foreach (var c in host)
        {
            if (c == '.')
            {
                if (label == 0)
                {
                    return false;
                }

                label = 0;
            }
            else if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
            {
                label++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private PiiMatch? Ipv6OrMac(ReadOnlySpan<char> token, int start)
    {
        if (token.Count(':') < 2)
        {
            return null;
        }

        if (Mac(token, start, ':') is { } mac)
        {
            return mac;
        }

        var candidate = token;

        // "2001:db8::1:Text": drop trailing segments that cannot be hexadecimal.
        var lastColon = candidate.LastIndexOf(':');
        while (lastColon > 0 && candidate[(lastColon + 1)..].ContainsAnyExcept(s_hexAndDots))
        {
            candidate = candidate[..lastColon];
            lastColon = candidate.LastIndexOf(':');
        }

        if (candidate.Length == 17 && Mac(candidate, start, ':') is { } trimmedMac)
        {
            return trimmedMac;
        }

        var slash = candidate.IndexOf('/');
        if (slash > 0)
        {
            candidate = candidate[..slash];
        }

        foreach (var c in candidate)
        {
            if (!char.IsAsciiHexDigit(c) && c is not ':' and not '.')
            {
                return null;
            }
        }

        return IPAddress.TryParse(candidate, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? new PiiMatch(PiiEntityType.IpAddress, start, candidate.Length, 0.85, Name)
            : null;
    }

    private PiiMatch? Mac(ReadOnlySpan<char> token, int start, char separator)
    {
        // 01:23:45:67:89:ab, 01-23-45-67-89-ab, 0123.4567.89ab
        if (token.Length == 17 && separator == ':')
        {
            for (var k = 0; k < 17; k++)
            {
                var ok = k % 3 == 2 ? token[k] == ':' : char.IsAsciiHexDigit(token[k]);
                if (!ok)
                {
                    return null;
                }
            }

            return new PiiMatch(PiiEntityType.MacAddress, start, 17, 0.8, Name);
        }

        if (token.Length == 14 && separator == '.' && token[4] == '.' && token[9] == '.')
        {
            foreach (var c in token)
            {
                if (c != '.' && !char.IsAsciiHexDigit(c))
                {
                    return null;
                }
            }

            return new PiiMatch(PiiEntityType.MacAddress, start, 14, 0.6, Name);
        }

        return null;
    }
}
