namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// <c>guards</c>: every guard evaluation of issue 6 in one run (docs/guards.md): crisis (Reddit C-SSRS and the dev
/// corpus; the conversation risk assessor on the held-apart Reddit users), injection (deepset test split), language identification (Multilingual HateCheck, with the npm peers when
/// node is available; --no-peers skips them), output safety (Multilingual HateCheck), scope (dev set), and the held-out corpora.
/// </summary>
internal static class GuardsEvaluation
{
    public static int Run(string[] args)
    {
        // --no-peers skips the npm language identifiers (no node on the machine); nothing else is passed on.
        string[] languageArgs = args.Contains("--no-peers") ? ["--no-peers"] : [];
        var status = 0;
        foreach (var (name, run) in new (string, Func<string[], int>)[]
        {
            ("guards-crisis", CrisisEvaluation.Run),
            ("guards-crisis-history", CrisisHistoryEvaluation.Run),
            ("guards-injection", InjectionEvaluation.Run),
            ("guards-language", _ => LanguageEvaluation.Run(languageArgs)),
            ("guards-output", OutputSafetyEvaluation.Run),
            ("guards-scope", ScopeEvaluation.Run),
            ("guards-heldout", HeldOutEvaluation.Run),
        })
        {
            Console.WriteLine($"== {name}");
            status = Math.Max(status, run([]));
        }

        return status;
    }
}
