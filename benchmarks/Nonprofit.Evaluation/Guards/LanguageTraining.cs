using System.Security.Cryptography;
using System.Text;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Trains the embedded language model (<c>src/Nonprofit.AI.Guards/Models/language.nplt</c>) on the repository's own
/// corpus (<c>LanguageCorpus/*.txt</c>, one file per Latin-script language), with deterministic augmentation (typos,
/// joined and split words, digits for letters, repeated letters, short fragments) so that it copes with chat-style
/// text. Same corpus and code → byte-identical model.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-language-train [--corpus DIR] [--out FILE]</c>.
/// No evaluation data (Multilingual HateCheck) is read here.
/// </remarks>
internal static class LanguageTraining
{
    public const string CorpusFolder = "benchmarks/Nonprofit.Evaluation/Guards/LanguageCorpus";
    public const string ModelPath = "src/Nonprofit.AI.Guards/Models/language.nplt";
    public const int Seed = 20261129;

    /// <summary>
    /// The featurizer of the language model: character 1- to 3-grams and words in 2^15 buckets (chosen on the DEV part:
    /// 2^16 buckets and 4-grams were no more accurate, and a smaller weight table is faster).
    /// </summary>
    public static TextFeaturizer Featurizer() => new(bucketBits: 15, minCharN: 1, maxCharN: 3, words: true, wordBigrams: false);

    public static TrainerOptions Options { get; } = new(Epochs: 10, LearningRate: 0.5f, L2: 1e-6f, Seed: 17, BalanceClasses: true, KeepDiacritics: true);

    public static int Run(string[] args)
    {
        var root = Repository.Root();
        var corpus = Option(args, "--corpus") ?? Path.Combine(root, CorpusFolder);
        var output = Option(args, "--out") ?? Path.Combine(root, ModelPath);
        var model = Train(corpus, Featurizer(), Options, out var sentences, out var examples);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using (var file = File.Create(output))
        {
            model.Save(file);
        }

        var bytes = File.ReadAllBytes(output);
        Console.WriteLine($"language_model.labels={string.Join(',', model.Labels)}");
        Console.WriteLine($"language_model.sentences={sentences}");
        Console.WriteLine($"language_model.examples={examples}");
        Console.WriteLine($"language_model.bytes={bytes.Length}");
        Console.WriteLine($"language_model.sha256={Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        Console.WriteLine($"language_model.path={Path.GetRelativePath(root, output)}");
        return 0;
    }

    /// <summary>Trains the model on the corpus in <paramref name="corpusFolder"/>.</summary>
    public static LinearTextModel Train(string corpusFolder, TextFeaturizer featurizer, TrainerOptions options, out int sentences, out int exampleCount)
    {
        var files = Directory.GetFiles(corpusFolder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        if (files.Length < 2)
        {
            throw new InvalidOperationException($"The corpus folder needs at least two language files: {corpusFolder}");
        }

        var labels = files.Select(f => Path.GetFileNameWithoutExtension(f)).ToArray();
        var examples = new List<TrainingExample>();
        var random = new Random(Seed);
        sentences = 0;
        for (var label = 0; label < files.Length; label++)
        {
            foreach (var line in File.ReadAllLines(files[label], Encoding.UTF8))
            {
                var sentence = line.Trim();
                if (sentence.Length == 0 || sentence.StartsWith('#'))
                {
                    continue;
                }

                sentences++;
                foreach (var variant in Augment(sentence, random))
                {
                    // The identifier's own preparation (diacritics kept, spelled-out words joined), so that training
                    // and use see the same text; the trainer's normalisation leaves it unchanged.
                    examples.Add(new TrainingExample(LanguageIdentifier.Prepare(variant), label));
                }
            }
        }

        exampleCount = examples.Count;
        return LinearTextModelTrainer.Train(examples, labels, featurizer, options);
    }

    /// <summary>The sentence and its chat-style variants.</summary>
    internal static IEnumerable<string> Augment(string sentence, Random random)
    {
        yield return sentence;

        // Without diacritics, as many people type on phones.
        var folded = GuardText.Normalize(sentence);
        if (!string.Equals(folded, LanguageIdentifier.Prepare(sentence), StringComparison.Ordinal))
        {
            yield return folded;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            yield break;
        }

        // Typos: a letter dropped or two letters swapped in one or two words.
        yield return string.Join(' ', words.Select(w => random.NextDouble() < 0.3 ? Typo(w, random) : w));

        // Two words run together, or a word spelled out with spaces.
        if (words.Length > 1)
        {
            var join = random.Next(words.Length - 1);
            yield return string.Join(' ', words[..join]) + " " + words[join] + words[join + 1] + " " + string.Join(' ', words[(join + 2)..]);
        }

        var spaced = random.Next(words.Length);
        yield return string.Join(' ', words.Select((w, i) => i == spaced ? string.Join(' ', w.ToCharArray()) : w));

        // Digits for letters, and a stretched letter.
        var leet = random.Next(words.Length);
        yield return string.Join(' ', words.Select((w, i) => i == leet ? Leet(w) : w));
        var stretch = random.Next(words.Length);
        yield return string.Join(' ', words.Select((w, i) => i == stretch && w.Length > 1 ? w[..^1] + new string(w[^1], 3) : w));

        // Short fragments: short messages are common in chats.
        if (words.Length > 3)
        {
            var length = 1 + random.Next(Math.Min(4, words.Length - 1));
            var start = random.Next(words.Length - length + 1);
            yield return string.Join(' ', words[start..(start + length)]);
            var length2 = 2 + random.Next(Math.Min(5, words.Length - 2));
            var start2 = random.Next(words.Length - length2 + 1);
            yield return string.Join(' ', words[start2..(start2 + length2)]);
        }
    }

    private static string Typo(string word, Random random)
    {
        if (word.Length < 4)
        {
            return word;
        }

        var i = 1 + random.Next(word.Length - 2);
        return random.Next(2) == 0
            ? word.Remove(i, 1)
            : string.Concat(word.AsSpan(0, i - 1), word[i].ToString(), word[i - 1].ToString(), word.AsSpan(i + 1));
    }

    private static string Leet(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'a' => '4',
                'e' => '3',
                'i' => '1',
                'o' => '0',
                's' => '5',
                _ => c,
            });
        }

        return builder.ToString();
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>Finds the repository root (the folder with Nonprofit.Sdk.sln) and the shared data beside it.</summary>
internal static class Repository
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Nonprofit.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("The repository root (Nonprofit.Sdk.sln) was not found above the current or the program's folder.");
    }

    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root(), "..", "shared", relative));
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared data not found: ../shared/{relative} beside the repository.", path);
    }
}
