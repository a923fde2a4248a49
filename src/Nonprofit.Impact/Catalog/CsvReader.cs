using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Nonprofit.Impact.Catalog;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, fields spanning lines, CRLF or LF.</summary>
internal static class CsvReader
{
    public static IEnumerable<List<string>> ReadRecords(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = new List<string>();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("The CSV ends inside a quoted field.");
        }

        if (any)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
