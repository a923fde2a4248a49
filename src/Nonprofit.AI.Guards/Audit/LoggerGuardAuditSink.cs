using System;
using Microsoft.Extensions.Logging;

namespace Nonprofit.AI.Guards;

/// <summary>Writes audit records to an <see cref="ILogger"/> (event id 7001, information level). The default sink.</summary>
public sealed partial class LoggerGuardAuditSink : IGuardAuditSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is <see langword="null"/>.</exception>
    public LoggerGuardAuditSink(ILogger<LoggerGuardAuditSink> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc/>
    public void Append(in GuardAuditRecord record) =>
        LogVerdict(_logger, record.Guard, record.Action, record.Category, record.Score, record.Elapsed.TotalMicroseconds, record.ConversationHash ?? "none");

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Guard {Guard} verdict {Action} {Category} score {Score} in {ElapsedMicroseconds} µs, conversation {ConversationHash}")]
    private static partial void LogVerdict(ILogger logger, string guard, GuardAction action, string category, double score, double elapsedMicroseconds, string conversationHash);
}
