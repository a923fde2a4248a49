namespace Fetosense.Monitor.Alerts;

/// <summary>What the health worker should do.</summary>
internal enum RecommendedAction
{
    /// <summary>Nothing is wrong: continue monitoring.</summary>
    Continue,

    /// <summary>The signal is not the baby's heart or is lost: reposition the probe.</summary>
    RepositionProbe,

    /// <summary>The baby may be in danger: refer urgently.</summary>
    ReferUrgently,
}
