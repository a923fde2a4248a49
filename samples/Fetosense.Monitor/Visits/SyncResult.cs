namespace Fetosense.Monitor.Visits;

/// <summary>What a sync did.</summary>
/// <param name="Sent">Visits the clinic acknowledged in this run.</param>
/// <param name="Pending">Visits still waiting on the device (the endpoint failed more times than allowed).</param>
internal sealed record SyncResult(int Sent, int Pending);
