// FarmerChat.Advisory: a multilingual agricultural advisory assistant grounded in vetted content (issue 11).
using FarmerChat.Advisory.Api;
using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Evaluation;
using FarmerChat.Advisory.Impact;
using FarmerChat.Advisory.Profiles;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory;

internal static class Program
{
    private const string Usage = """
        FarmerChat.Advisory — multilingual agricultural advice from a vetted knowledge base (en, sw, hi, fr).
          --demo                          a scripted multilingual conversation
          --ask "QUESTION" [--lang xx]    one question
          --serve [--port N] [--data DIR] the HTTP API on 127.0.0.1 (default port 5080, data folder ./farmerchat-data)
          --eval [DATA] [test|dev|heldout] recall@1/@3 per language and the no-answer rate (default: test questions)
          --eval-app [DATA] [test|dev|heldout] the same questions through the whole assistant (guards included)
          --sweep [DATA]                  how the retrieval settings were chosen (dev questions only)
        A real model answers when NONPROFIT_CHAT_ENDPOINT and NONPROFIT_CHAT_MODEL are set (NONPROFIT_CHAT_API_KEY if needed).
        """;

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length > 0 ? args[0] : "--help";
        var defaultData = Path.Combine("tests", "FarmerChat.Advisory.Tests", "Data");
        switch (command)
        {
            case "--eval":
                {
                    using var index = new AdvisoryIndex(KnowledgeBase.Load(KnowledgeBase.DefaultFolder));
                    var data = args.Length > 1 ? args[1] : defaultData;
                    var set = args.Length > 2 ? args[2] : "test";
                    var questions = Questions(data, set);
                    Console.Write(RetrievalEvaluation.ToTable(RetrievalEvaluation.Evaluate(index, questions)));
                    return 0;
                }

            case "--eval-app":
                {
                    var folder = Directory.CreateTempSubdirectory("farmerchat-eval-").FullName;
                    try
                    {
                        using var advisor = CreateAdvisor(folder, ModelSettings.Offline, TimeProvider.System);
                        var data = args.Length > 1 ? args[1] : defaultData;
                        var set = args.Length > 2 ? args[2] : "test";
                        var questions = Questions(data, set);
                        Console.Write(await AssistantEvaluation.RunAsync(advisor, questions, CancellationToken.None));
                    }
                    finally
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    return 0;
                }

            case "--sweep":
                RetrievalSweep.Run(args.Length > 1 ? args[1] : defaultData, Console.Out);
                return 0;

            case "--demo":
                {
                    var folder = Directory.CreateTempSubdirectory("farmerchat-demo-").FullName;
                    try
                    {
                        using var advisor = CreateAdvisor(folder, ModelSettings.FromEnvironment(), TimeProvider.System);
                        await Demo.RunAsync(advisor, Console.Out, CancellationToken.None);
                    }
                    finally
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    return 0;
                }

            case "--ask" when args.Length > 1:
                {
                    using var advisor = CreateAdvisor(Option(args, "--data") ?? "farmerchat-data", ModelSettings.FromEnvironment(), TimeProvider.System);
                    var answer = await advisor.AskAsync(args[1], null, Option(args, "--lang"), CancellationToken.None);
                    Console.WriteLine(answer.Declined ? $"[{answer.Language}, declined: {answer.Reason}]" : $"[{answer.Language}]");
                    Console.WriteLine(answer.Answer);
                    if (answer.FollowUps.Count > 0)
                    {
                        Console.WriteLine("\n" + string.Join('\n', answer.FollowUps.Select(f => "→ " + f)));
                    }

                    return 0;
                }

            case "--serve":
                {
                    var model = ModelSettings.FromEnvironment();
                    using var advisor = CreateAdvisor(Option(args, "--data") ?? "farmerchat-data", model, TimeProvider.System);
                    var app = AdvisoryApi.Build(advisor, $"http://127.0.0.1:{Option(args, "--port") ?? "5080"}");
                    Console.WriteLine($"FarmerChat.Advisory API on {string.Join(' ', app.Urls)} ({model}); Ctrl+C stops.");
                    await app.RunAsync();
                    return 0;
                }

            default:
                Console.WriteLine(Usage);
                return command is "--help" or "-h" ? 0 : 2;
        }
    }

    /// <summary>The assistant over the shipped knowledge base, with profiles in <paramref name="dataFolder"/>.</summary>
    internal static Advisor CreateAdvisor(string dataFolder, ModelSettings model, TimeProvider time)
    {
        var index = new AdvisoryIndex(KnowledgeBase.Load(KnowledgeBase.DefaultFolder));
        return new Advisor(index, model.CreateClient(), new ProfileStore(dataFolder, index.Knowledge), new AdvisoryImpact(time), time);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>
    /// The labelled questions of a set: <c>test</c> and <c>dev</c> are the document authors' files (<c>questions-test.a.jsonl</c>,
    /// …) with the no-answer files; <c>heldout</c> is the independent set (<c>questions-heldout.jsonl</c>, written from the
    /// topic list without the documents), which carries its own no-answer questions.
    /// </summary>
    private static List<LabelledQuestion> Questions(string data, string set)
    {
        var questions = LabelledQuestion.LoadAll(data, $"questions-{set}*.jsonl").ToList();
        if (!questions.Any(q => q.Expected is null))
        {
            questions.AddRange(LabelledQuestion.LoadAll(data, "questions-none.*.jsonl"));
        }

        return questions;
    }
}
