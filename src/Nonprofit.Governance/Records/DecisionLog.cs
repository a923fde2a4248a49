using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Nonprofit.Impact;

namespace Nonprofit.Governance.Records;

/// <summary>
/// An append-only, tamper-evident log of algorithmic decisions and of the people who approved them, kept in the
/// same SQLite database file as the <see cref="SqliteImpactStore"/> (table <c>decision_records</c>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Hash chain.</b> Every record carries the SHA-256 hash of its canonical form (see <see cref="DecisionRecord"/>),
/// which includes the previous record's hash; the first record's previous hash is 64 zeros. Sequence numbers,
/// timestamps and hashes are assigned inside the write transaction (<c>BEGIN IMMEDIATE</c>), so appends from several
/// threads, log instances or processes chain correctly, one after the other.
/// </para>
/// <para>
/// <b>Append-only.</b> There is no update or delete, and database triggers refuse them. Approvals are not updates:
/// <see cref="ApproveAsync"/> and <see cref="RejectAsync"/> append records of kind <see cref="DecisionKind.Approval"/>
/// that name the decision, chained like any other, so the chain covers who approved what and when. A decision that
/// requires approval does not take effect until approved (<see cref="IsEffectiveAsync"/>).
/// </para>
/// <para>
/// <b>What verification detects, and what it cannot.</b> <see cref="VerifyAsync"/> detects an edited record (its
/// hash no longer matches), a removed record in the middle (a gap in the sequence, or a previous hash that does not
/// match) and reordered records. Someone who can write the database file can, however, remove the <em>last</em>
/// records, or rewrite the whole chain with recomputed hashes, and the chain alone still looks valid: the hashes are
/// not keyed. Only an external anchor catches that. Write <see cref="GetAnchorAsync"/> (count and head hash) where the
/// log's custodians cannot rewrite it — board minutes, a funder report, a public post — and pass it to
/// <see cref="VerifyAsync"/>: records removed after the anchor was written are then reported as
/// <see cref="ChainBreak.Truncated"/>, and a rewritten history as <see cref="ChainBreak.AnchorMismatch"/>. Anything
/// appended and then removed after the latest anchor remains undetectable; anchor often.
/// </para>
/// <para>
/// <b>No personal data.</b> An append-only log cannot erase anything, so personal data must never enter it. Inputs
/// and outputs are checked (string values and property names that look like an e-mail address, a phone number, a
/// payment card or an IBAN are refused, naming the JSON path, never the value); approvers must be a role or staff id;
/// approval comments are checked like input strings. Explanations are stored as given. The check is a guard rail,
/// not a detector: names and free-text details pass it.
/// </para>
/// <para>
/// Durability matches the impact store: WAL journal, <c>synchronous=FULL</c>; when an append returns, the record is
/// on disk. Thread-safe.
/// </para>
/// </remarks>
public sealed class DecisionLog : IAsyncDisposable
{
    private const int MaxNameLength = 200;
    private const int MaxExplanationLength = 100_000;
    private const int MaxCommentLength = 2_000;
    private const int MaxApproverLength = 100;
    private const string ReviewPolicyName = "human-review";
    private const string ReviewPolicyVersion = "1";

    private const string Columns =
        "sequence, id, timestamp_ticks, kind, policy_name, policy_version, inputs, output, explanation, requires_approval, approval_of, verdict, approver, comment, previous_hash, hash";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS decision_records (
            sequence          INTEGER PRIMARY KEY,
            id                TEXT    NOT NULL UNIQUE,
            timestamp_ticks   INTEGER NOT NULL,
            kind              TEXT    NOT NULL,
            policy_name       TEXT    NOT NULL,
            policy_version    TEXT    NOT NULL,
            inputs            TEXT    NOT NULL,
            output            TEXT    NOT NULL,
            explanation       TEXT    NOT NULL,
            requires_approval INTEGER NOT NULL,
            approval_of       TEXT,
            verdict           TEXT,
            approver          TEXT,
            comment           TEXT,
            previous_hash     TEXT    NOT NULL,
            hash              TEXT    NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX IF NOT EXISTS ux_decision_records_approval_of ON decision_records (approval_of) WHERE approval_of IS NOT NULL;
        CREATE TRIGGER IF NOT EXISTS decision_records_append_only_update BEFORE UPDATE ON decision_records
            BEGIN SELECT RAISE(ABORT, 'decision records are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS decision_records_append_only_delete BEFORE DELETE ON decision_records
            BEGIN SELECT RAISE(ABORT, 'decision records are append-only'); END;
        """;

    private readonly SqliteImpactStoreOptions _options;
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Creates a log on the impact store's database. Nothing is opened until first use or <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The impact store's database (the same options as its <see cref="SqliteImpactStore"/>).</param>
    /// <param name="timeProvider">Where record timestamps come from; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DecisionLog(SqliteImpactStoreOptions options, TimeProvider? timeProvider = null)
    {
        SqliteImpactStoreOptionsValidation.ThrowIfInvalid(options);
        _options = new SqliteImpactStoreOptions { Path = options.Path, ConnectionString = options.ConnectionString, BusyTimeout = options.BusyTimeout };
        _database = new SqliteDatabase(_options);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Opens the database now: the impact store creates or checks its schema, then the log adds its table and
    /// triggers when missing. The first other call does this otherwise.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the database.</param>
    /// <returns>A task that completes when the log is ready.</returns>
    /// <exception cref="InvalidOperationException">The database belongs to something else or to a newer version.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return EnsureInitializedAsync(cancellationToken).AsTask();
    }

    /// <summary>Appends a decision, assigning its sequence number, timestamp and hashes in the write transaction.</summary>
    /// <param name="draft">The decision.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is written then.</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="ArgumentException">The draft is invalid, its inputs or output look personal (the message names the JSON path), or its id is already in the log; nothing was written.</exception>
    public Task<DecisionRecord> AppendAsync(DecisionDraft draft, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = Prepare(draft);
        return WriteAsync((_, _) => pending, nameof(draft), cancellationToken);
    }

    /// <summary>Records that a person approved a decision that requires approval; from now on it takes effect.</summary>
    /// <param name="recordId">The decision's id.</param>
    /// <param name="approver">A role or staff id that is not personal, such as <c>programme-officer-3</c>: 1 to 100 ASCII letters, digits, <c>. _ : -</c>, starting with a letter or digit.</param>
    /// <param name="comment">An optional comment (at most 2,000 characters, checked for personal data).</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The approval record appended.</returns>
    /// <exception cref="ArgumentException">No record has the id, or the approver or comment is invalid.</exception>
    /// <exception cref="InvalidOperationException">The record needs no approval, or was already approved or rejected.</exception>
    public Task<DecisionRecord> ApproveAsync(Guid recordId, string approver, string? comment = null, CancellationToken cancellationToken = default) =>
        DecideAsync(recordId, ApprovalState.Approved, approver, comment, cancellationToken);

    /// <summary>Records that a person rejected a decision that requires approval; it never takes effect.</summary>
    /// <param name="recordId">The decision's id.</param>
    /// <param name="approver">A role or staff id that is not personal (as for <see cref="ApproveAsync"/>).</param>
    /// <param name="comment">An optional comment (at most 2,000 characters, checked for personal data).</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The rejection record appended.</returns>
    /// <exception cref="ArgumentException">No record has the id, or the approver or comment is invalid.</exception>
    /// <exception cref="InvalidOperationException">The record needs no approval, or was already approved or rejected.</exception>
    public Task<DecisionRecord> RejectAsync(Guid recordId, string approver, string? comment = null, CancellationToken cancellationToken = default) =>
        DecideAsync(recordId, ApprovalState.Rejected, approver, comment, cancellationToken);

    /// <summary>Reads one record by id.</summary>
    /// <param name="recordId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/> when no record has the id.</returns>
    /// <exception cref="FormatException">The stored record is malformed (the database was edited; <see cref="VerifyAsync"/> says where).</exception>
    public async Task<DecisionRecord?> GetAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM decision_records WHERE id = $id";
            command.Parameters.AddWithValue("$id", IdText(recordId));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new DecisionRecord(ReadRow(reader)) : null;
            }
        }
    }

    /// <summary>Where a decision stands with respect to approval.</summary>
    /// <param name="recordId">The decision's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see cref="ApprovalState.NotRequired"/> for a decision (or approval record) that needs no approval; otherwise pending, approved or rejected.</returns>
    /// <exception cref="ArgumentException">No record has the id.</exception>
    public async Task<ApprovalState> GetStatusAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return Status(connection, null, recordId);
        }
    }

    /// <summary>Whether a decision takes effect: it needs no approval, or it was approved.</summary>
    /// <param name="recordId">The decision's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when the decision may be acted on.</returns>
    /// <exception cref="ArgumentException">No record has the id.</exception>
    public async Task<bool> IsEffectiveAsync(Guid recordId, CancellationToken cancellationToken = default) =>
        await GetStatusAsync(recordId, cancellationToken).ConfigureAwait(false) is ApprovalState.NotRequired or ApprovalState.Approved;

    /// <summary>Streams the records in sequence order, from <paramref name="fromSequence"/> on.</summary>
    /// <param name="fromSequence">The first sequence number to read (1 for all).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, from one database snapshot. Enumerate promptly: an open read holds back WAL checkpoints.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromSequence"/> is less than 1.</exception>
    /// <exception cref="FormatException">A stored record is malformed (the database was edited; <see cref="VerifyAsync"/> says where).</exception>
    public IAsyncEnumerable<DecisionRecord> ReadAsync(long fromSequence = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadCoreAsync(fromSequence, cancellationToken);
    }

    /// <summary>
    /// The current head of the log (last sequence number and hash), to write down outside the database as an
    /// anchor for <see cref="VerifyAsync"/>. Verify first: an anchor of a broken chain anchors the break.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The anchor; <c>(0, 64 zeros)</c> for an empty log.</returns>
    public async Task<ChainAnchor> GetAnchorAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var (sequence, hash) = Head(connection, null);
            return new ChainAnchor(sequence, hash);
        }
    }

    /// <summary>
    /// Checks the whole chain: consecutive sequence numbers from 1, each previous hash equal to the hash of the
    /// record before, each hash equal to the hash of the record's content; and, when an anchor is given, that the
    /// log still has the anchored record with the anchored hash.
    /// </summary>
    /// <param name="anchor">
    /// An anchor written earlier outside the database (<see cref="GetAnchorAsync"/>), or <see langword="null"/>. Without
    /// one, removing the last records (or rewriting the whole chain) cannot be detected; see the class remarks.
    /// </param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the chain is intact, and if not the first broken sequence number and why.</returns>
    public async Task<ChainVerification> VerifyAsync(ChainAnchor? anchor = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM decision_records ORDER BY sequence";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                long count = 0;
                var head = RecordHash.Genesis;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var expected = count + 1;
                    var sequence = reader.GetInt64(0);
                    if (sequence != expected)
                    {
                        return Broken(count, head, expected, ChainBreak.SequenceGap,
                            FormattableString.Invariant($"Expected sequence {expected}, found {sequence}: a record was removed or inserted."));
                    }

                    RecordRow row;
                    string computed;
                    try
                    {
                        row = ReadRow(reader);
                        computed = RecordHash.Compute(row);
                    }
                    catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException)
                    {
                        return Broken(count, head, expected, ChainBreak.HashMismatch,
                            FormattableString.Invariant($"Record {expected} has a field that cannot be read: it was edited."));
                    }

                    if (!string.Equals(row.PreviousHash, head, StringComparison.Ordinal))
                    {
                        return Broken(count, head, expected, ChainBreak.PreviousHashMismatch,
                            FormattableString.Invariant($"Record {expected} does not follow record {count} (previous hash {Short(row.PreviousHash)}, expected {Short(head)}): records were removed, inserted or reordered."));
                    }

                    if (!string.Equals(computed, row.Hash, StringComparison.Ordinal))
                    {
                        return Broken(count, head, expected, ChainBreak.HashMismatch,
                            FormattableString.Invariant($"Record {expected} hashes to {Short(computed)} but stores {Short(row.Hash)}: it was edited."));
                    }

                    count = expected;
                    head = row.Hash;
                    if (anchor is not null && count == anchor.Count && !string.Equals(head, anchor.HeadHash, StringComparison.Ordinal))
                    {
                        return Broken(0, RecordHash.Genesis, count, ChainBreak.AnchorMismatch,
                            FormattableString.Invariant($"Record {count} has hash {Short(head)}, the anchor says {Short(anchor.HeadHash)}: the chain up to it was rewritten (the change is at or before sequence {count})."));
                    }
                }

                if (anchor is not null && count < anchor.Count)
                {
                    return Broken(count, head, count + 1, ChainBreak.Truncated,
                        FormattableString.Invariant($"The log ends at sequence {count}, the anchor says {anchor.Count}: records at the end were removed."));
                }

                return new ChainVerification(count, head, null, ChainBreak.None, null);
            }
        }
    }

    /// <summary>Waits for a write in progress, then closes the database's pooled connections.</summary>
    /// <returns>A task that completes when the log is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _database.ClearPool();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Task<DecisionRecord> DecideAsync(Guid recordId, ApprovalState verdict, string approver, string? comment, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckApprover(approver);
        if (comment is not null)
        {
            CheckText(comment, nameof(comment), MaxCommentLength, allowEmpty: true, allowControl: true);
            if (PersonalDataHeuristics.Classify(comment) is var kind && kind != PersonalDataKind.None)
            {
                throw new ArgumentException($"The comment looks like it holds personal data ({kind}); decision records never hold personal data. Nothing was written.", nameof(comment));
            }
        }

        var decisionId = IdText(recordId);
        var verdictText = RecordText.Verdict(verdict);
        var pending = new RecordRow(
            0,
            IdText(Guid.NewGuid()),
            0,
            RecordText.Kind(DecisionKind.Approval),
            ReviewPolicyName,
            ReviewPolicyVersion,
            "{\"decisionId\":\"" + decisionId + "\"}",
            "{\"verdict\":\"" + verdictText + "\"}",
            $"Decision {decisionId} {verdictText} by {approver}.",
            false,
            decisionId,
            verdictText,
            approver,
            comment,
            string.Empty,
            string.Empty);

        return WriteAsync(
            (connection, transaction) =>
            {
                var status = Status(connection, transaction, recordId);
                return status switch
                {
                    ApprovalState.NotRequired => throw new InvalidOperationException(
                        $"Decision {decisionId} does not require approval: it took effect when recorded. Nothing was written."),
                    ApprovalState.Approved or ApprovalState.Rejected => throw new InvalidOperationException(
                        $"Decision {decisionId} was already {RecordText.Verdict(status)}; a decision is decided once. Nothing was written."),
                    _ => pending,
                };
            },
            nameof(recordId),
            cancellationToken);
    }

    private static RecordRow Prepare(DecisionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Kind == DecisionKind.Approval)
        {
            throw new ArgumentException("Approval records are appended by ApproveAsync and RejectAsync, not AppendAsync.", nameof(draft));
        }

        var kind = RecordText.Kind(draft.Kind);
        CheckText(draft.PolicyName, "draft.PolicyName", MaxNameLength, allowEmpty: false, allowControl: false);
        CheckText(draft.PolicyVersion, "draft.PolicyVersion", MaxNameLength, allowEmpty: false, allowControl: false);
        CheckText(draft.Explanation, "draft.Explanation", MaxExplanationLength, allowEmpty: true, allowControl: true);
        if (draft.Id == Guid.Empty)
        {
            throw new ArgumentException("draft.Id is the empty GUID; leave it null for a new one.", nameof(draft));
        }

        if (draft.Inputs.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("draft.Inputs must be a JSON object of aggregated figures.", nameof(draft));
        }

        var inputs = CanonicalJson.Serialize(draft.Inputs, "draft.Inputs", nameof(draft));
        var output = CanonicalJson.Serialize(draft.Output, "draft.Output", nameof(draft));
        return new RecordRow(
            0,
            IdText(draft.Id ?? Guid.NewGuid()),
            0,
            kind,
            draft.PolicyName,
            draft.PolicyVersion,
            inputs,
            output,
            draft.Explanation,
            draft.RequiresApproval,
            null,
            null,
            null,
            null,
            string.Empty,
            string.Empty);
    }

    private static void CheckText(string? value, string name, int maxLength, bool allowEmpty, bool allowControl)
    {
        var paramName = name.StartsWith("draft.", StringComparison.Ordinal) ? "draft" : name;
        if (value is null || (!allowEmpty && string.IsNullOrWhiteSpace(value)))
        {
            throw new ArgumentException($"{name} is required.", paramName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException(FormattableString.Invariant($"{name} is longer than {maxLength} characters."), paramName);
        }

        if (CanonicalJson.HasUnpairedSurrogate(value))
        {
            throw new ArgumentException($"{name} has an unpaired surrogate (not valid Unicode).", paramName);
        }

        if (!allowControl && value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            throw new ArgumentException($"{name} has control characters.", paramName);
        }
    }

    private static void CheckApprover(string approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var valid = approver.Length is > 0 and <= MaxApproverLength && char.IsAsciiLetterOrDigit(approver[0]);
        foreach (var c in approver)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
        }

        if (!valid)
        {
            throw new ArgumentException(
                "The approver must be a role or staff id (1 to 100 ASCII letters, digits, '.', '_', ':', '-', starting with a letter or digit), such as programme-officer-3; not a name.",
                nameof(approver));
        }

        var kind = PersonalDataHeuristics.Classify(approver);
        if (kind != PersonalDataKind.None)
        {
            throw new ArgumentException($"The approver looks like personal data ({kind}); use a role or staff id such as programme-officer-3.", nameof(approver));
        }
    }

    private async Task<DecisionRecord> WriteAsync(Func<SqliteConnection, SqliteTransaction, RecordRow> build, string idParameterName, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, now
            var pending = build(connection, transaction);
            if (Convert.ToInt64(Scalar(connection, transaction, "SELECT COUNT(*) FROM decision_records WHERE id = $id", pending.Id), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                throw new ArgumentException($"A decision record with id {pending.Id} is already in the log. Nothing was written.", idParameterName);
            }

            var (sequence, head) = Head(connection, transaction);
            var row = pending with
            {
                Sequence = sequence + 1,
                TimestampTicks = _timeProvider.GetUtcNow().UtcTicks,
                PreviousHash = head,
            };
            row = row with { Hash = RecordHash.Compute(row) };
            Insert(connection, transaction, row);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return new DecisionRecord(row);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, RecordRow row)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO decision_records ({Columns})
            VALUES ($sequence, $id, $ticks, $kind, $policy_name, $policy_version, $inputs, $output, $explanation,
                    $requires_approval, $approval_of, $verdict, $approver, $comment, $previous_hash, $hash)
            """;
        insert.Parameters.AddWithValue("$sequence", row.Sequence);
        insert.Parameters.AddWithValue("$id", row.Id);
        insert.Parameters.AddWithValue("$ticks", row.TimestampTicks);
        insert.Parameters.AddWithValue("$kind", row.Kind);
        insert.Parameters.AddWithValue("$policy_name", row.PolicyName);
        insert.Parameters.AddWithValue("$policy_version", row.PolicyVersion);
        insert.Parameters.AddWithValue("$inputs", row.Inputs);
        insert.Parameters.AddWithValue("$output", row.Output);
        insert.Parameters.AddWithValue("$explanation", row.Explanation);
        insert.Parameters.AddWithValue("$requires_approval", row.RequiresApproval ? 1L : 0L);
        insert.Parameters.AddWithValue("$approval_of", (object?)row.ApprovalOf ?? DBNull.Value);
        insert.Parameters.AddWithValue("$verdict", (object?)row.Verdict ?? DBNull.Value);
        insert.Parameters.AddWithValue("$approver", (object?)row.Approver ?? DBNull.Value);
        insert.Parameters.AddWithValue("$comment", (object?)row.Comment ?? DBNull.Value);
        insert.Parameters.AddWithValue("$previous_hash", row.PreviousHash);
        insert.Parameters.AddWithValue("$hash", row.Hash);
        insert.ExecuteNonQuery();
    }

    private static (long Sequence, string Hash) Head(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence, hash FROM decision_records ORDER BY sequence DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, RecordHash.Genesis);
    }

    private static ApprovalState Status(SqliteConnection connection, SqliteTransaction? transaction, Guid recordId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT r.requires_approval, (SELECT a.verdict FROM decision_records AS a WHERE a.approval_of = r.id)
            FROM decision_records AS r WHERE r.id = $id
            """;
        command.Parameters.AddWithValue("$id", IdText(recordId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new ArgumentException($"No decision record has the id {IdText(recordId)}.", nameof(recordId));
        }

        if (reader.GetInt64(0) == 0)
        {
            return ApprovalState.NotRequired;
        }

        return reader.IsDBNull(1) ? ApprovalState.Pending : RecordText.ParseVerdict(reader.GetString(1));
    }

    private async IAsyncEnumerable<DecisionRecord> ReadCoreAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM decision_records WHERE sequence >= $from ORDER BY sequence";
            command.Parameters.AddWithValue("$from", fromSequence);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new DecisionRecord(ReadRow(reader));
                }
            }
        }
    }

    private static RecordRow ReadRow(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetInt64(9) != 0,
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.GetString(14),
        reader.GetString(15));

    private static ChainVerification Broken(long count, string head, long sequence, ChainBreak reason, string detail) =>
        new(count, head, sequence, reason, detail);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static string IdText(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            // The impact store owns the file and its schema version; it must initialise it before any other table exists.
            var store = new SqliteImpactStore(_options);
            await using (store.ConfigureAwait(false))
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }

            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: false);
            Execute(connection, transaction, Schema);
            transaction.Commit();
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    private SqliteConnection OpenConnection() => _database.Open();

    private Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql) => SqliteDatabase.Execute(connection, transaction, sql);
}
