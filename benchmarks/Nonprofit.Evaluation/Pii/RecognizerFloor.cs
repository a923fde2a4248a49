using System.Diagnostics;
using System.Runtime.Intrinsics;
using Nonprofit.Privacy;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// The floor of a pass over the 1,500 records (<c>pii-profile --floor [--passes N]</c>): what a pass costs doing nothing but
/// the calls, only a tokenizer (a bare split, the split with the word hash, the split with the hash and one word-table
/// probe per word, the detector's own tokenizer), each recognizer alone, and the detector, all alternating pass by pass
/// in one process so that the machine's load slows them alike. Prints the best and median pass of each in ms, ns per
/// record and MB/s. A decision aid for the structural steps, not a claim (claims come from <c>pii-ab</c>).
/// </summary>
internal static class RecognizerFloor
{
    public static int Run(string[] records, PiiDetector detector, int passes)
    {
        var bytes = records.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r));
        var tokens = new WordToken[4096];
        var sink = new List<PiiMatch>();
        var resolved = new List<PiiMatch>();
        var checksum = 0L;
        IPiiRecognizer ByName(string name) => detector.Recognizers.Single(r => r.Name == name);
        var names = (NameAndPlaceRecognizer)ByName("names-places");
        Action<string> Into(IPiiRecognizer r) => t =>
        {
            sink.Clear();
            r.Recognize(t, sink);
        };

        var variants = new (string Name, Action<string> Run)[]
        {
            ("loop only", t => checksum += t.Length),
            ("Detect(\"\")", _ => detector.Detect(string.Empty)),
            ("Detect(short)", _ => detector.Detect(PiiSideBySide.ShortText)),
            ("vector classes", t => checksum += CountInteresting(t)),
            ("split", t => checksum += Split(t, tokens, hash: false, probe: false)),
            ("split+hash", t => checksum += Split(t, tokens, hash: true, probe: false)),
            ("split+hash+probe", t => checksum += Split(t, tokens, hash: true, probe: true)),
            ("split+caps probe", t => checksum += Split(t, tokens, hash: true, probe: true, capitalisedOnly: true)),
            ("split+caps, 8 B slots", t => checksum += SplitCompact(t, tokens, s_compact.Value)),
            ("tokenizer (all)", t =>
            {
                var tokenizer = new WordTokenizer(t);
                checksum += tokenizer.Count;
                tokenizer.Dispose();
            }),
            ("names-places", Into(ByName("names-places"))),
            ("stage: stream walk", t => checksum += StreamWalk(t, tokens)),
            ("stage: names scan", t => checksum += NamesScan(t, tokens, names, sink)),
            ("stage: +token readers", t => checksum += Candidates(t, tokens, detector, names, sink, allRecognizers: false)),
            ("stage: all candidates", t => checksum += Candidates(t, tokens, detector, names, sink, allRecognizers: true)),
            ("stage: text readers 1st", t => checksum += Candidates(t, tokens, detector, names, sink, allRecognizers: true, textReadersFirst: true)),
            ("stage: +context", t => checksum += Context(t, tokens, detector, names, sink, resolved: null)),
            ("stage: +resolve", t => checksum += Context(t, tokens, detector, names, sink, resolved)),
            ("numeric", Into(ByName("numeric"))),
            ("pattern", Into(ByName("pattern"))),
            ("identifier", Into(ByName("identifier"))),
            ("web", Into(ByName("web"))),
            ("detector", t => detector.Detect(t)),
        };

        var times = variants.Select(_ => new List<double>(passes)).ToArray();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var v in variants)
            {
                Pass(records, v.Run);
            }
        }

        for (var pass = 0; pass < passes; pass++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var v = (k + pass) % variants.Length;
                times[v].Add(Pass(records, variants[v].Run));
            }
        }

        Console.WriteLine($"floor: {records.Length} records, {bytes} bytes, {passes} passes, load={File.ReadAllText("/proc/loadavg").Split(' ')[0]} (checksum {checksum % 1000})");
        for (var v = 0; v < variants.Length; v++)
        {
            var sorted = times[v].Order().ToArray();
            var best = sorted[0];
            var median = sorted[sorted.Length / 2];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Pass(records, variants[v].Run);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{variants[v].Name,-22} best {best,7:0.000} ms ({best * 1e6 / records.Length,6:0} ns/record, {bytes / 1e3 / best,7:0.0} MB/s) median {median,7:0.000} ms, {(double)allocated / records.Length,5:0} B/record");
        }

        return 0;
    }

    // The detector's stages one on top of the other, each as the detector runs it (same token buffer, same order), so
    // that the difference of two is one stage's cost: the token stream walked to the end with no name logic (tokenizer,
    // skipping and word lookups), the name and place scan over it, the token readers (pattern) fed its triggers, then
    // the recognizers that scan the text themselves. The detector minus the last is Finish (context, thresholds,
    // resolution) plus the call's fixed cost.
    private static int StreamWalk(ReadOnlySpan<char> text, WordToken[] buffer)
    {
        var tokens = new TokenStream(text, buffer: buffer);
        var seen = 0;
        for (var i = 0; ; i++)
        {
            if (i == tokens.Count)
            {
                tokens.SkipInert();
                i = 0;
            }

            if (!tokens.Has(i))
            {
                break;
            }

            seen++;
        }

        seen += tokens.Triggers.Length;
        tokens.Dispose();
        return seen;
    }

    private static int NamesScan(ReadOnlySpan<char> text, WordToken[] buffer, NameAndPlaceRecognizer names, List<PiiMatch> sink)
    {
        sink.Clear();
        var tokens = new TokenStream(text, buffer: buffer);
        names.Scan(text, ref tokens, sink);
        var found = sink.Count + tokens.Triggers.Length;
        tokens.Dispose();
        return found;
    }

    // With textReadersFirst, the recognizers that read the text themselves (web, numeric, identifier) run before the
    // name scan instead of after the token readers.
    private static int Candidates(ReadOnlySpan<char> text, WordToken[] buffer, PiiDetector detector, NameAndPlaceRecognizer names, List<PiiMatch> sink, bool allRecognizers, bool textReadersFirst = false)
    {
        sink.Clear();
        if (textReadersFirst)
        {
            foreach (var r in detector.Recognizers)
            {
                if (r is not ITokenRecognizer && !ReferenceEquals(r, names))
                {
                    r.Recognize(text, sink);
                }
            }
        }

        var tokens = new TokenStream(text, buffer: buffer);
        names.Scan(text, ref tokens, sink);
        foreach (var r in detector.Recognizers)
        {
            if (r is ITokenRecognizer reader)
            {
                reader.Recognize(text, tokens.Triggers, tokens.InnerRunTriggers, tokens.RunsKnown, sink);
            }
            else if (allRecognizers && !textReadersFirst && !ReferenceEquals(r, names))
            {
                r.Recognize(text, sink);
            }
        }

        tokens.Dispose();
        return sink.Count;
    }

    // The candidates, then what the detector's Finish does with them under the default options: the context boost of
    // each candidate below 1, the default threshold, and (with resolved) the overlap resolution.
    private static int Context(ReadOnlySpan<char> text, WordToken[] buffer, PiiDetector detector, NameAndPlaceRecognizer names, List<PiiMatch> sink, List<PiiMatch>? resolved)
    {
        Candidates(text, buffer, detector, names, sink, allRecognizers: true);
        var kept = 0;
        for (var i = 0; i < sink.Count; i++)
        {
            var c = sink[i];
            var score = c.Score;
            if (score < 1 && ContextLexicon.HasContext(text, c.Start, c.End, c.Type, 48))
            {
                score = Math.Min(1, score + 0.35);
            }

            if (score >= 0.5)
            {
                sink[kept++] = c with { Score = score };
            }
        }

        sink.RemoveRange(kept, sink.Count - kept);
        if (resolved is null)
        {
            return kept;
        }

        resolved.Clear();
        PiiDetector.Resolve(sink, resolved);
        return resolved.Count;
    }

    private static double Pass(string[] records, Action<string> run)
    {
        var sw = Stopwatch.StartNew();
        foreach (var text in records)
        {
            run(text);
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    // One vectorised pass: the number of characters a scan may start from (capitals, digits, non-ASCII), eight at a time.
    private static int CountInteresting(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        var a = Vector128.Create((ushort)'A');
        var z = Vector128.Create((ushort)('Z' - 'A'));
        var zero = Vector128.Create((ushort)'0');
        var nine = Vector128.Create((ushort)9);
        var high = Vector128.Create((ushort)127);
        var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
        for (; i + 8 <= chars.Length; i += 8)
        {
            var v = Vector128.Create(chars.Slice(i, 8));
            var m = Vector128.LessThanOrEqual(v - a, z) | Vector128.LessThanOrEqual(v - zero, nine) | Vector128.GreaterThan(v, high);
            count += System.Numerics.BitOperations.PopCount(m.ExtractMostSignificantBits());
        }

        for (; i < chars.Length; i++)
        {
            var c = chars[i];
            count += char.IsAsciiLetterUpper((char)c) || char.IsAsciiDigit((char)c) || c > 127 ? 1 : 0;
        }

        return count;
    }

    // The lexicon-and-gazetteer words in 8-byte slots (hash and classes, no key: a floor for a table four times smaller
    // than the 32-byte slots, which would still need a key check on a hash match), open addressing as WordTable does,
    // without WordTable's filter; the capitalised words are hashed in a second pass over them.
    private static readonly Lazy<ulong[]> s_compact = new(() =>
    {
        var words = WordClasses.AllWords().Select(w => WordTable.Folded(w, w.Length)).Where(w => w.Length > 0).Distinct().ToArray();
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(words.Length * 2));
        var table = new ulong[size];
        foreach (var w in words)
        {
            var hash = WordTable.Hash(w);
            var b = CompactBucket(hash, size);
            while (table[b] != 0)
            {
                b = (b + 1) & (size - 1);
            }

            table[b] = ((ulong)hash << 32) | (uint)WordClasses.Classify(w) | (1UL << 31);
        }

        Console.WriteLine($"compact table: {words.Length} words, {size * 8 / 1024} KB");
        return table;
    });

    private static int CompactBucket(uint hash, int size) => (int)((hash * 2654435769u) >> (32 - System.Numerics.BitOperations.Log2((uint)size)));

    private static int SplitCompact(ReadOnlySpan<char> text, WordToken[] tokens, ulong[] table)
    {
        var count = Split(text, tokens, hash: false, probe: false);
        var found = 0;
        for (var k = 0; k < count; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.Word || !char.IsUpper(text[token.Start]))
            {
                continue;
            }

            var hash = WordTable.Hash(text.Slice(token.Start, token.Length));
            for (var b = CompactBucket(hash, table.Length); table[b] != 0; b = (b + 1) & (table.Length - 1))
            {
                if ((uint)(table[b] >> 32) == hash)
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    // A bare tokenizer: runs of letters, runs of digits, one token per other non-space character, stored in an array;
    // with hash, the word's folded FNV hash as the detector's tokenizer computes it; with probe, one probe per word into
    // the lexicon-and-gazetteer table (capitalised words may be names); with capitalisedOnly, only capitalised words are
    // probed (those the detector's token stream always looks up).
    private static int Split(ReadOnlySpan<char> text, WordToken[] tokens, bool hash, bool probe, bool capitalisedOnly = false)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var kind = TokenKind.Punctuation;
            var wordClass = WordClass.None;
            if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                var h = WordTable.Seed;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    if (hash)
                    {
                        h = WordTable.Step(h, text[i]);
                    }

                    i++;
                }

                if (probe && (!capitalisedOnly || char.IsUpper(c)))
                {
                    wordClass = WordClasses.Classify(text[start..i], h, mayBeName: char.IsUpper(c));
                }
            }
            else if (char.IsDigit(c))
            {
                kind = TokenKind.Number;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            if (count < tokens.Length)
            {
                tokens[count++] = new WordToken(start, i - start, kind, TokenFlags.None, wordClass);
            }
        }

        return count;
    }
}
