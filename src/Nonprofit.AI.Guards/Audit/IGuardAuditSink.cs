namespace Nonprofit.AI.Guards;

/// <summary>
/// Where <see cref="GuardAuditChatClient"/> appends its records. Implementations append only (never rewrite or delete),
/// must be safe to call from several threads at once, and should not throw. When one throws anyway, the guard drops
/// that response's records, logs the exception type, and still returns the reply.
/// </summary>
public interface IGuardAuditSink
{
    /// <summary>Appends one record.</summary>
    /// <param name="record">The record (it holds no message text).</param>
    void Append(in GuardAuditRecord record);
}
