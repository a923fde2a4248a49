namespace Fetosense.Monitor.Visits;

/// <summary>A stored visit: its id (a GUID, the idempotency key of its upload), when it was recorded, and its payload.</summary>
/// <param name="Id">The visit id.</param>
/// <param name="RecordedAt">When the test ended (UTC).</param>
/// <param name="Payload">The JSON sent to the clinic: the visit's summary and the <c>nonprofit ctg analyze</c> object; no patient data.</param>
/// <param name="SyncedAt">When the clinic acknowledged it, or null while it waits on the device.</param>
internal sealed record Visit(string Id, DateTimeOffset RecordedAt, string Payload, DateTimeOffset? SyncedAt);
