namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// Character-level, type-agnostic precision, recall and F1: whitespace is not counted; characters inside
/// gold spans of ORGANIZATION, TITLE, NRP and DATE_TIME count neither way. Per-type recall counts a gold span
/// as found when at least half of its non-space characters are flagged.
/// </summary>
internal sealed class CharacterScorer
{
    private static readonly HashSet<string> s_neutral = ["ORGANIZATION", "TITLE", "NRP", "DATE_TIME"];

    private readonly Dictionary<string, (int Found, int Total)> _perType = new(StringComparer.Ordinal);

    public long TruePositives { get; private set; }

    public long FalsePositives { get; private set; }

    public long FalseNegatives { get; private set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static bool IsNeutral(string type) => s_neutral.Contains(type);

    public static CharacterScorer Score(IReadOnlyList<PresidioRecord> records, IReadOnlyList<(int Start, int End)[]> predicted)
    {
        var scorer = new CharacterScorer();
        for (var r = 0; r < records.Count; r++)
        {
            scorer.Add(records[r], predicted[r]);
        }

        return scorer;
    }

    public void Add(PresidioRecord record, (int Start, int End)[] predicted)
    {
        var text = record.Text;
        var gold = new sbyte[text.Length]; // 0 negative, 1 positive, -1 neutral
        foreach (var span in record.Spans)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                if (IsNeutral(span.Type))
                {
                    if (gold[i] == 0)
                    {
                        gold[i] = -1;
                    }
                }
                else
                {
                    gold[i] = 1;
                }
            }
        }

        var flagged = new bool[text.Length];
        foreach (var (start, end) in predicted)
        {
            for (var i = Math.Max(0, start); i < Math.Min(text.Length, end); i++)
            {
                flagged[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || gold[i] < 0)
            {
                continue;
            }

            if (gold[i] == 1 && flagged[i])
            {
                TruePositives++;
            }
            else if (gold[i] == 1)
            {
                FalseNegatives++;
            }
            else if (flagged[i])
            {
                FalsePositives++;
            }
        }

        foreach (var span in record.Spans.Where(s => !IsNeutral(s.Type)))
        {
            var nonSpace = 0;
            var hit = 0;
            for (var i = span.Start; i < span.End; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    nonSpace++;
                    hit += flagged[i] ? 1 : 0;
                }
            }

            var (found, total) = _perType.GetValueOrDefault(span.Type);
            _perType[span.Type] = (found + (nonSpace > 0 && 2 * hit >= nonSpace ? 1 : 0), total + 1);
        }
    }

    public IEnumerable<(string Key, double Value)> Metrics()
    {
        yield return ("pii.precision", Precision);
        yield return ("pii.recall", Recall);
        yield return ("pii.f1", F1);
        foreach (var (type, (found, total)) in _perType.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return ($"pii.recall.{type}", total == 0 ? 1 : (double)found / total);
        }
    }
}
