// FarmerChat.Advisory: a multilingual agricultural advisory assistant grounded in vetted content (issue 11).
using FarmerChat.Advisory.Evaluation;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory;

internal static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--eval")
        {
            var data = args.Length > 1 ? args[1] : Path.Combine("tests", "FarmerChat.Advisory.Tests", "Data");
            var set = args.Length > 2 ? args[2] : "test";
            using var index = new AdvisoryIndex(KnowledgeBase.Load(KnowledgeBase.DefaultFolder));
            var questions = LabelledQuestion.LoadAll(data, $"questions-{set}.*.jsonl").Concat(LabelledQuestion.LoadAll(data, "questions-none.*.jsonl"));
            Console.Write(RetrievalEvaluation.ToTable(RetrievalEvaluation.Evaluate(index, questions)));
            return 0;
        }

        if (args.Length > 0 && args[0] == "--sweep")
        {
            RetrievalSweep.Run(args.Length > 1 ? args[1] : Path.Combine("tests", "FarmerChat.Advisory.Tests", "Data"), Console.Out);
            return 0;
        }

        Console.WriteLine("FarmerChat.Advisory: not built yet (issue 11).");
        return 0;
    }
}
