using BenchmarkDotNet.Attributes;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>The default scope classifier (issue 6, UseScope): one 1 KB message and one short question.</summary>
[MemoryDiagnoser]
public class ScopeClassifierBenchmarks
{
    private const string Sentence = "Our maize leaves have yellow stripes after the rains and the cooperative asks what to spray this week. ";
    private SimilarityScopeClassifier _classifier = null!;
    private string _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _message = string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)))[..1024];
        _classifier = new SimilarityScopeClassifier(new ScopeOptions
        {
            Topics =
            [
                new ScopeTopic { Name = "crops", Description = "crops planting seeds harvest maize beans", Examples = ["When should I plant maize?", "Ni lini nipande mahindi?"] },
                new ScopeTopic { Name = "pests", Description = "pests insects armyworm spray", Examples = ["What can I spray against armyworm?", "Comment lutter contre la chenille ?"] },
            ],
        });
    }

    [Benchmark]
    public GuardDetection Message1Kb() => _classifier.Detect(_message);

    [Benchmark]
    public GuardDetection ShortOffTopicQuestion() => _classifier.Detect("Who won the football match?");
}
