using Nonprofit.Evaluation;
using Nonprofit.Evaluation.Ctg;
using Nonprofit.Evaluation.CtgClassify;
using Nonprofit.Evaluation.Guards;
using Nonprofit.Evaluation.Impact;
using Nonprofit.Evaluation.Pii;

// dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- pii [--data FILE] [--predictions OUT.jsonl] [--errors N]
// dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg   (every CTG evaluation; or one part: ctg-analysis, ctg-fs, ...)
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: Nonprofit.Evaluation pii [--data FILE] [--predictions OUT.jsonl] [--errors N]");
    Console.WriteLine("       Nonprofit.Evaluation pii-corpus | pii-profile | pii-ab --baseline DLL [--passes N] | impact-prepare | impact-export");
    Console.WriteLine("       Nonprofit.Evaluation ctg | ctg-analysis | ctg-fs | ctg-fs-train | ctg-doppler | ctg-classify | ctg-monitor");
    Console.WriteLine("       Nonprofit.Evaluation guards-language [--no-peers] [--errors N] | guards-language-train");
    Console.WriteLine("       Nonprofit.Evaluation guards-scope [DATA.jsonl] [--errors]");
    Console.WriteLine("       Nonprofit.Evaluation guards-crisis [--corpus FILE.jsonl] [--reddit FILE.csv] [--threshold X] [--errors] | guards-crisis-train [--cv [--search]] [--out FILE] | guards-crisis-history [--cv [--search | --augment] | --train | --point | --benign | --probe FILE]");
    Console.WriteLine("       Nonprofit.Evaluation guards (all guard evaluations) | guards-heldout [--errors] | guards-output | guards-output-train | guards-output-own | guards-output-indep [--data FILE] [--model FILE] | guards-injection");
    return args.Length == 0 ? 2 : 0;
}

return args[0] switch
{
    "pii" => PiiEvaluation.Run(args[1..]),
    "pii-profile" => RecognizerProfile.Run(args[1..]),
    "pii-corpus" => CorpusEvaluation.Run(args[1..]),
    "pii-ab" => PiiSideBySide.Run(args[1..]),
    "impact-prepare" => ImpactExportEvaluation.Prepare(args[1..]),
    "impact-export" => ImpactExportEvaluation.Export(args[1..]),
    "ctg" => CtgEvaluation.Run(args[1..]),
    "ctg-analysis" => CtgAnalysisEvaluation.Run(args[1..]),
    "ctg-fs" => FalseSignalEvaluation.Run(args[1..]),
    "ctg-fs-train" => FalseSignalTraining.Run(args[1..]),
    "ctg-doppler" => DopplerEvaluation.Run(args[1..]),
    "ctg-monitor" => CtgMonitorEvaluation.Run(args[1..]),
    "ctg-classify" => CtgClassifyEvaluation.Run(args[1..]),
    "guards-language" => LanguageEvaluation.Run(args[1..]),
    "guards-language-train" => LanguageTraining.Run(args[1..]),
    "guards-scope" => ScopeEvaluation.Run(args[1..]),
    "guards-crisis" => CrisisEvaluation.Run(args[1..]),
    "guards-crisis-train" => CrisisTraining.Run(args[1..]),
    "guards-crisis-history" => CrisisHistoryEvaluation.Run(args[1..]),
    "guards-output" => OutputSafetyEvaluation.Run(args[1..]),
    "guards-output-train" => OutputSafetyTraining.Run(args[1..]),
    "guards-output-score" => OutputSafetyEvaluation.ScoreLines(args[1..]),
    "guards-output-own" => OutputSafetyEvaluation.OwnMultilingual(args[1..]),
    "guards-output-indep" => OutputSafetyIndependent.Run(args[1..]),
    "guards-heldout" => HeldOutEvaluation.Run(args[1..]),
    "guards" => GuardsEvaluation.Run(args[1..]),
    "guards-injection" => Nonprofit.Evaluation.Guards.InjectionEvaluation.Run(args[1..]),
    _ => Fail($"unknown evaluation '{args[0]}'"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
