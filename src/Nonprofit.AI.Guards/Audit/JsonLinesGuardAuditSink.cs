using System;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Appends audit records to a file, one JSON object a line
/// (<c>{"ts":"…","guard":"pii_redaction","action":"modify","category":"pii.redacted","score":0.9,"elapsed_us":12.5,"conversation":"3f…"}</c>),
/// flushing each line. Safe for concurrent use; the file is opened for appending only and others may read it meanwhile.
/// </summary>
public sealed class JsonLinesGuardAuditSink : IGuardAuditSink, IDisposable
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();
    private readonly Lock _lock = new();
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _disposed;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public JsonLinesGuardAuditSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new Utf8JsonWriter(_stream);
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The sink was disposed.</exception>
    public void Append(in GuardAuditRecord record)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.Reset(_stream);
            _writer.WriteStartObject();
            _writer.WriteString("ts", record.Timestamp);
            _writer.WriteString("guard", record.Guard);
            _writer.WriteString("action", ActionName(record.Action));
            _writer.WriteString("category", record.Category);
            _writer.WriteNumber("score", record.Score);
            _writer.WriteNumber("elapsed_us", Math.Round(record.Elapsed.TotalMicroseconds, 1));
            if (record.ConversationHash is null)
            {
                _writer.WriteNull("conversation");
            }
            else
            {
                _writer.WriteString("conversation", record.ConversationHash);
            }

            _writer.WriteEndObject();
            _writer.Flush();
            _stream.Write(s_newLine);
            _stream.Flush();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            _stream.Dispose();
        }
    }

    internal static string ActionName(GuardAction action) => action switch
    {
        GuardAction.Allow => "allow",
        GuardAction.Modify => "modify",
        GuardAction.Block => "block",
        GuardAction.Escalate => "escalate",
        _ => "unknown",
    };
}
