using System.Text.Json;

namespace Nonprofit.Evaluation.Guards;

/// <summary>One labelled text: 1 = injection, 0 = benign.</summary>
/// <param name="Language">ISO 639-1 code (approximate for deepset: <c>en/de</c> is <c>mixed</c>).</param>
/// <param name="Label">1 for an injection.</param>
/// <param name="Source"><c>user</c>, <c>document</c> or <c>tool</c>.</param>
/// <param name="Text">The text.</param>
/// <param name="User">For Reddit text, the user it comes from (cross-validation folds keep a user's text together); else -1.</param>
/// <param name="Post">For Reddit text, the post within the user (a post is cut into several windows); else -1.</param>
/// <param name="Origin">
/// <c>deepset</c>, <c>own</c> (injection-cases.tsv and injection-narratives.tsv), <c>lookalike</c> (injection-lookalikes.tsv), <c>reddit</c> (Reddit training users'
/// posts, benign) or <c>crisis</c> (the crisis training corpora's messages, benign for injection).
/// </param>
internal sealed record InjectionCase(string Language, int Label, string Source, string Text, int User = -1, int Post = -1, string Origin = InjectionCase.Own)
{
    public const string Deepset = "deepset";
    public const string Own = "own";
    public const string Reddit = "reddit";
    public const string Crisis = "crisis";
    public const string LookAlike = "lookalike";
}

/// <summary>
/// The injection data: the deepset prompt-injection set (../shared/data/guards, <c>split</c> train/test; Apache-2.0 per
/// its dataset card) and this repository's own multilingual cases (Guards/Data/injection-cases.tsv, written for this
/// project: en, de, fr, es, pt, sw, hi in Latin and Devanagari, with benign look-alikes and indirect cases).
/// </summary>
internal static class InjectionData
{
    public static string DeepsetPath => Find("../shared/data/guards/deepset_prompt_injections.jsonl");

    public static string CasesPath => Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-cases.tsv");

    /// <summary>The own help-seeking narratives, look-alikes and injections in nine languages (Data/INJECTION-TRAINING.md).</summary>
    public static string NarrativesPath => Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-narratives.tsv");

    /// <summary>The session-22 look-alikes and injections in eight languages (Data/INJECTION-TRAINING.md).</summary>
    public static string LookAlikesPath => Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-lookalikes.tsv");

    /// <summary>The session-25 role play, fake system and authority messages, extraction and their look-alikes (Data/INJECTION-TRAINING.md).</summary>
    public static string RolePlayPath => Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-roleplay.tsv");

    /// <summary>The seed of the look-alikes' split into a training part and a dev part that is never trained on.</summary>
    public const int LookAlikesSplitSeed = 2222;

    /// <summary>One look-alike line in this many goes to the dev part (per language and label).</summary>
    public const int LookAlikesDevEvery = 4;

    /// <summary>The seed of the Reddit users' split into training users and held-apart users.</summary>
    public const int RedditSplitSeed = 606;

    /// <summary>Reddit posts per training user used as benign training text (the first ones over 200 characters).</summary>
    public const int RedditPostsPerUser = 2;

    /// <summary>Characters of a Reddit post kept (the same cut as the false-alarm measurement).</summary>
    public const int RedditPostChars = 3000;

    /// <summary>Characters per training window of a Reddit post (the detector reads long text in 768-character windows).</summary>
    public const int RedditWindowChars = 768;

    /// <summary>Where the embedded model is written: src/Nonprofit.AI.Guards/Models/injection.nplt of this repository.</summary>
    public static string ModelPath =>
        Path.Combine(new FileInfo(CasesPath).Directory!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "Nonprofit.AI.Guards", "Models", "injection.nplt");

    /// <summary>The deepset rows of one split (<c>train</c> or <c>test</c>).</summary>
    public static List<InjectionCase> Deepset(string split)
    {
        var rows = new List<InjectionCase>();
        foreach (var line in File.ReadLines(DeepsetPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("split").GetString() == split)
            {
                rows.Add(new InjectionCase("mixed", root.GetProperty("label").GetInt32(), "user", root.GetProperty("text").GetString() ?? "", Origin: InjectionCase.Deepset));
            }
        }

        return rows;
    }

    /// <summary>The own multilingual cases (injection-cases.tsv).</summary>
    public static List<InjectionCase> Cases() => ReadTsv(CasesPath);

    /// <summary>The own narratives, look-alikes and injections (injection-narratives.tsv).</summary>
    public static List<InjectionCase> Narratives() => ReadTsv(NarrativesPath);

    /// <summary>The session-25 role play, fake authority and extraction lines and their look-alikes (injection-roleplay.tsv).</summary>
    public static List<InjectionCase> RolePlay() => ReadTsv(RolePlayPath);

    /// <summary>
    /// The look-alikes and injections of injection-lookalikes.tsv split once with <see cref="LookAlikesSplitSeed"/>: within
    /// each (language, label) group in a seeded order, every <see cref="LookAlikesDevEvery"/>th line is dev (never trained
    /// on, only measured), the rest is training.
    /// </summary>
    public static (List<InjectionCase> Training, List<InjectionCase> Dev) LookAlikes()
    {
        var all = ReadTsv(LookAlikesPath, InjectionCase.LookAlike);
        var random = new Random(LookAlikesSplitSeed);
        var dev = new bool[all.Count];
        foreach (var group in Enumerable.Range(0, all.Count).GroupBy(i => (all[i].Language, all[i].Label)).OrderBy(g => g.Key.Language, StringComparer.Ordinal).ThenBy(g => g.Key.Label))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                dev[members[k]] = k % LookAlikesDevEvery == LookAlikesDevEvery - 1;
            }
        }

        return ([.. all.Where((_, i) => !dev[i])], [.. all.Where((_, i) => dev[i])]);
    }

    /// <summary>
    /// The Reddit C-SSRS users (../shared/data/guards, CC BY) split once, by user, with <see cref="RedditSplitSeed"/>:
    /// half of the users may be trained on, the other half are held apart for measuring false alarms. Empty lists when
    /// the file is not there.
    /// </summary>
    public static (List<List<string>> Training, List<List<string>> HeldApart) RedditUsers()
    {
        var path = Find(CrisisEvaluation.DefaultReddit, required: false);
        if (path is null)
        {
            return ([], []);
        }

        var users = CrisisEvaluation.ReadReddit(path).Select(u => u.Posts).ToList();
        var order = Enumerable.Range(0, users.Count).ToArray();
        new Random(RedditSplitSeed).Shuffle(order);
        var half = users.Count / 2;
        return ([.. order[..half].Order().Select(i => users[i])], [.. order[half..].Order().Select(i => users[i])]);
    }

    /// <summary>A user's long posts as the false-alarm check and the training read them: the first ones over 200 characters, cut.</summary>
    public static IEnumerable<string> LongPosts(IEnumerable<string> posts, int count) =>
        posts.Where(p => p.Length > 200).Take(count).Select(p => p.Length > RedditPostChars ? p[..RedditPostChars] : p);

    /// <summary>
    /// Benign training text from the Reddit training users: each one's first <see cref="RedditPostsPerUser"/> long posts,
    /// cut into windows of about <see cref="RedditWindowChars"/> characters at spaces.
    /// </summary>
    public static List<InjectionCase> RedditTraining()
    {
        var rows = new List<InjectionCase>();
        var (training, _) = RedditUsers();
        for (var u = 0; u < training.Count; u++)
        {
            var p = 0;
            foreach (var post in LongPosts(training[u], RedditPostsPerUser))
            {
                foreach (var window in Windows(post, RedditWindowChars))
                {
                    rows.Add(new InjectionCase("en", 0, "user", window, u, p, InjectionCase.Reddit));
                }

                p++;
            }
        }

        return rows;
    }

    /// <summary>
    /// The messages of the crisis training corpora (Data/crisis-train-a…e.jsonl, written for this repository in eight
    /// languages: crisis messages, look-alikes and ordinary messages), all benign for injection: they are what a
    /// support or farming line's users write.
    /// </summary>
    /// <remarks>
    /// The list is pinned (a to e) rather than read from <see cref="CrisisTraining.Corpora"/>: the injection model must not
    /// change, and its byte test must not fail, when the crisis model gains a training corpus.
    /// </remarks>
    public static List<InjectionCase> CrisisMessages() =>
        [.. CrisisTraining.LoadCorpora(s_crisisCorpora.Select(c => Find(c)))
            .Select(c => new InjectionCase(c.Language, 0, "user", c.Text, Origin: InjectionCase.Crisis))];

    private static readonly string[] s_crisisCorpora =
        [.. "abcde".Select(letter => $"benchmarks/Nonprofit.Evaluation/Guards/Data/crisis-train-{letter}.jsonl")];

    /// <summary>The held-apart users' long posts (never trained on): the first two of each, up to 400.</summary>
    public static List<string> RedditHeldApartPosts() =>
        [.. RedditUsers().HeldApart.SelectMany(posts => LongPosts(posts, 2)).Take(400)];

    private static IEnumerable<string> Windows(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length)
            {
                var space = text.LastIndexOf(' ', end - 1, end - start);
                end = space > start ? space : end;
            }

            var window = text[start..end].Trim();
            if (window.Length > 0)
            {
                yield return window;
            }

            start = end;
        }
    }

    /// <summary>Session 28's lines, not in the shipped training set (Data/INJECTION-TRAINING.md); session 29's candidate N16u trains on them.</summary>
    public static List<InjectionCase> Session28Unused() => ReadTsv(Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-s28-unused.tsv"), header: false);

    private static List<InjectionCase> ReadTsv(string path, string origin = InjectionCase.Own, bool header = true)
    {
        var rows = new List<InjectionCase>();
        var name = Path.GetFileName(path);
        foreach (var line in File.ReadLines(path).Skip(header ? 1 : 0))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 4 || f[1] is not ("0" or "1"))
            {
                throw new FormatException($"{name}: a line is not 'lang<TAB>0|1<TAB>source<TAB>text': {f[0]}");
            }

            rows.Add(new InjectionCase(f[0], f[1] == "1" ? 1 : 0, f[2], f[3], Origin: origin));
        }

        return rows;
    }

    private static string Find(string relative) => Find(relative, required: true)!;

    private static string? Find(string relative, bool required)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return required ? throw new FileNotFoundException($"{relative} was not found above the current directory or the program.") : null;
    }
}
