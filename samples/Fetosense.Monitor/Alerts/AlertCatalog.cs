using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Alerts;

/// <summary>Turns monitor events into alerts for a front-line health worker, in English or French.</summary>
internal static class AlertCatalog
{
    /// <summary>The languages the messages exist in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    /// <summary>The alert for <paramref name="e"/> in <paramref name="language"/> ("en" or "fr").</summary>
    /// <param name="e">The monitor's event.</param>
    /// <param name="language">"en" or "fr".</param>
    /// <param name="falseSignalSuspected">Whether a suspected false signal is active: a low rate may then be the mother's
    /// pulse, and FIGO's first step is to check the maternal pulse and reposition the probe (the message still says to refer
    /// if the baby's heart is found slow).</param>
    public static Alert For(CtgMonitorEvent e, string language, bool falseSignalSuspected = false)
    {
        var fr = language == "fr";
        var (action, en, french) = (e.Kind, e.Phase, falseSignalSuspected) switch
        {
            (CtgMonitorEventKind.ProlongedDeceleration or CtgMonitorEventKind.Bradycardia, not CtgMonitorEventPhase.Ended, true) => (RecommendedAction.RepositionProbe,
                "Low heart rate while the trace may be the mother's pulse. Take the mother's pulse now and reposition the probe; if the baby's heart is found slow, refer urgently.",
                "Rythme bas alors que le tracé est peut-être le pouls de la mère. Prenez le pouls de la mère et repositionnez la sonde ; si le cœur du bébé est lent, transférez d'urgence."),
            _ => For(e.Kind, e.Phase, e.Category),
        };
        return new Alert(e, action, fr ? french : en, ActionText(action, language));
    }

    private static (RecommendedAction Action, string English, string French) For(CtgMonitorEventKind kind, CtgMonitorEventPhase phase, FigoCategory? category) =>
        (kind, phase) switch
        {
            (CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Ended) => (RecommendedAction.Continue,
                "The baby's heartbeat is heard again.", "Le cœur du bébé est de nouveau capté."),
            (CtgMonitorEventKind.SignalLoss, _) => (RecommendedAction.RepositionProbe,
                "The baby's heartbeat is lost. Put gel on the probe and move it until the heartbeat is clear.",
                "Le cœur du bébé n'est plus capté. Mettez du gel sur la sonde et déplacez-la jusqu'à entendre clairement le cœur."),
            (CtgMonitorEventKind.SuspectedFalseSignal, CtgMonitorEventPhase.Ended) => (RecommendedAction.Continue,
                "The trace is the baby's heart again.", "Le tracé est de nouveau celui du cœur du bébé."),
            (CtgMonitorEventKind.SuspectedFalseSignal, _) => (RecommendedAction.RepositionProbe,
                "The trace may be the mother's pulse, not the baby's heart. Take the mother's pulse and move the probe towards the baby's back.",
                "Le tracé est peut-être le pouls de la mère et non le cœur du bébé. Prenez le pouls de la mère et déplacez la sonde vers le dos du bébé."),
            (CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Ended) => (RecommendedAction.ReferUrgently,
                "The baby's heart rate has recovered. Still inform the doctor now.",
                "Le rythme cardiaque du bébé est revenu. Prévenez quand même le médecin maintenant."),
            (CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Escalated) => (RecommendedAction.ReferUrgently,
                "The baby's heart rate has been low for more than 5 minutes. Emergency: refer now.",
                "Le rythme cardiaque du bébé est bas depuis plus de 5 minutes. Urgence : transférez maintenant."),
            (CtgMonitorEventKind.ProlongedDeceleration, _) => (RecommendedAction.ReferUrgently,
                "The baby's heart rate has been low for more than 3 minutes. Turn the mother on her left side and refer urgently.",
                "Le rythme cardiaque du bébé est bas depuis plus de 3 minutes. Tournez la mère sur le côté gauche et transférez d'urgence."),
            (CtgMonitorEventKind.Bradycardia or CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Ended) => (RecommendedAction.Continue,
                "The baby's heart rate is back in the normal range.", "Le rythme cardiaque du bébé est revenu dans la normale."),
            (CtgMonitorEventKind.Bradycardia, _) => (RecommendedAction.ReferUrgently,
                "The baby's heart rate has been too slow for 10 minutes. Refer urgently.",
                "Le rythme cardiaque du bébé est trop lent depuis 10 minutes. Transférez d'urgence."),
            (CtgMonitorEventKind.Tachycardia, _) => (RecommendedAction.ReferUrgently,
                "The baby's heart rate has been too fast for 10 minutes. Check the mother's temperature and refer urgently.",
                "Le rythme cardiaque du bébé est trop rapide depuis 10 minutes. Prenez la température de la mère et transférez d'urgence."),
            (CtgMonitorEventKind.CategoryChange, _) when category == FigoCategory.Pathological => (RecommendedAction.ReferUrgently,
                "The heart trace is abnormal (FIGO pathological). Refer urgently.",
                "Le tracé cardiaque est anormal (FIGO pathologique). Transférez d'urgence."),
            (CtgMonitorEventKind.CategoryChange, _) when category == FigoCategory.Suspicious => (RecommendedAction.Continue,
                "The heart trace is suspicious (FIGO). Turn the mother on her left side, give fluids, keep monitoring and inform the doctor.",
                "Le tracé cardiaque est suspect (FIGO). Tournez la mère sur le côté gauche, donnez à boire, continuez la surveillance et prévenez le médecin."),
            _ => (RecommendedAction.Continue,
                "The heart trace is normal (FIGO). Continue monitoring.", "Le tracé cardiaque est normal (FIGO). Continuez la surveillance."),
        };

    /// <summary>The action's short text.</summary>
    public static string ActionText(RecommendedAction action, string language) => (action, language == "fr") switch
    {
        (RecommendedAction.Continue, false) => "continue",
        (RecommendedAction.Continue, true) => "continuer",
        (RecommendedAction.RepositionProbe, false) => "reposition the probe",
        (RecommendedAction.RepositionProbe, true) => "repositionner la sonde",
        (RecommendedAction.ReferUrgently, false) => "refer urgently",
        _ => "transférer d'urgence",
    };

    /// <summary>The category's name in the language.</summary>
    public static string CategoryText(FigoCategory category, string language) => (category, language == "fr") switch
    {
        (FigoCategory.Normal, false) => "normal",
        (FigoCategory.Normal, true) => "normal",
        (FigoCategory.Suspicious, false) => "suspicious",
        (FigoCategory.Suspicious, true) => "suspect",
        (_, false) => "pathological",
        _ => "pathologique",
    };
}
