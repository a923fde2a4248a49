using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact.Export;

/// <summary>
/// RFC 4180 records: fields separated by commas, records ended by CRLF, a field quoted (and its quotes doubled)
/// when it holds a comma, a quote, a CR or an LF. Optionally protects against CSV (formula) injection.
/// </summary>
internal static class CsvFormat
{
    /// <summary>The record separator of RFC 4180.</summary>
    public const string NewLine = "\r\n";

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a UTF-8 (no BOM) writer that leaves <paramref name="destination"/> open.</summary>
    public static StreamWriter OpenWriter(Stream destination) => new(destination, s_utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);

    /// <summary>Appends one record (with its CRLF) to <paramref name="builder"/>.</summary>
    public static void AppendRecord(StringBuilder builder, IReadOnlyList<string> fields, bool protectFormulas)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendField(builder, fields[i], protectFormulas);
        }

        builder.Append(NewLine);
    }

    /// <summary>Writes one record and clears <paramref name="cells"/> and <paramref name="buffer"/> for the next.</summary>
    public static async Task WriteRecordAsync(StreamWriter writer, StringBuilder buffer, List<string> cells, bool protectFormulas, CancellationToken cancellationToken)
    {
        AppendRecord(buffer, cells, protectFormulas);
        await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Clear();
        cells.Clear();
    }

    /// <summary>Appends one field, protected and quoted as needed.</summary>
    public static void AppendField(StringBuilder builder, string field, bool protectFormulas)
    {
        if (protectFormulas && NeedsFormulaProtection(field))
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            builder.Append(field);
            return;
        }

        builder.Append('"');
        foreach (var c in field)
        {
            if (c == '"')
            {
                builder.Append('"');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    /// <summary>
    /// Whether a spreadsheet could run <paramref name="field"/> as a formula: it starts with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a CR (the OWASP list) and is not a plain number such as <c>-3.5</c>.
    /// </summary>
    public static bool NeedsFormulaProtection(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(field);

    /// <summary>Whether the text is a plain decimal number: an optional sign, digits, an optional fraction and exponent.</summary>
    public static bool IsPlainNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
