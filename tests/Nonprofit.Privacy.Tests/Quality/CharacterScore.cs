namespace Nonprofit.Privacy.Tests.Quality;

/// <summary>
/// Character-level, type-agnostic scoring (whitespace not counted), the metric of the Privacy issue and of
/// benchmarks/Nonprofit.Evaluation; neutral types count neither way.
/// </summary>
internal sealed class CharacterScore(IReadOnlySet<string>? neutralTypes = null)
{
    private readonly IReadOnlySet<string> _neutral = neutralTypes ?? new HashSet<string>();

    public long TruePositives { get; private set; }

    public long FalsePositives { get; private set; }

    public long FalseNegatives { get; private set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(string text, IEnumerable<(string Type, int Start, int End)> gold, IEnumerable<PiiMatch> predicted)
    {
        var state = new sbyte[text.Length];
        foreach (var (type, start, end) in gold)
        {
            for (var i = start; i < end; i++)
            {
                state[i] = _neutral.Contains(type) ? (state[i] == 1 ? (sbyte)1 : (sbyte)-1) : (sbyte)1;
            }
        }

        var flagged = new bool[text.Length];
        foreach (var m in predicted)
        {
            for (var i = m.Start; i < m.End; i++)
            {
                flagged[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || state[i] < 0)
            {
                continue;
            }

            if (state[i] == 1)
            {
                if (flagged[i])
                {
                    TruePositives++;
                }
                else
                {
                    FalseNegatives++;
                }
            }
            else if (flagged[i])
            {
                FalsePositives++;
            }
        }
    }
}
