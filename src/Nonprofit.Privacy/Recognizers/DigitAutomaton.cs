using System;
using System.Collections.Generic;
using System.Text;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A deterministic automaton over the ASCII digits, compiled from regular expressions of the subset that
/// libphonenumber's metadata uses (digits, classes, <c>\d</c>, groups, alternation, <c>? * + {n,m}</c>). Each
/// pattern has a bit in the accepting mask, so one run over a number tells which patterns match it whole.
/// Input other than ASCII digits never matches.
/// </summary>
internal sealed class DigitAutomaton
{
    private const int MaxStates = 1 << 16;
    private readonly int[] _next;   // state * 10 + digit -> state, -1 for none
    private readonly uint[] _accept; // state -> patterns that accept there

    private DigitAutomaton(int[] next, uint[] accept)
    {
        _next = next;
        _accept = accept;
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _accept.Length;

    /// <summary>Returns the patterns (bit i for pattern i) that match all of <paramref name="digits"/>.</summary>
    public uint MatchAll(ReadOnlySpan<char> digits)
    {
        var state = 0;
        foreach (var c in digits)
        {
            var d = c - '0';
            if ((uint)d > 9 || (state = _next[(state * 10) + d]) < 0)
            {
                return 0;
            }
        }

        return _accept[state];
    }

    /// <summary>
    /// Returns the lengths (bit k for length k) of the prefixes of <paramref name="digits"/> that a pattern of
    /// <paramref name="patterns"/> matches whole.
    /// </summary>
    public ulong PrefixLengths(ReadOnlySpan<char> digits, uint patterns)
    {
        var state = 0;
        ulong lengths = (_accept[0] & patterns) != 0 ? 1UL : 0;
        for (var i = 0; i < digits.Length && i < 63; i++)
        {
            var d = digits[i] - '0';
            if ((uint)d > 9 || (state = _next[(state * 10) + d]) < 0)
            {
                break;
            }

            if ((_accept[state] & patterns) != 0)
            {
                lengths |= 1UL << (i + 1);
            }
        }

        return lengths;
    }

    /// <summary>Compiles <paramref name="patterns"/> (at most 32) into one automaton.</summary>
    /// <exception cref="NotSupportedException">A pattern uses syntax outside the supported subset, or the automaton would be too large.</exception>
    public static DigitAutomaton Compile(IReadOnlyList<string> patterns)
    {
        if (patterns.Count > 32)
        {
            throw new NotSupportedException("Too many patterns.");
        }

        var nfa = new Nfa();
        var start = nfa.Add();
        for (var p = 0; p < patterns.Count; p++)
        {
            var ast = new Parser(patterns[p]).ParseWhole();
            var (s, e) = nfa.Build(ast);
            nfa.Epsilon[start].Add(s);
            nfa.Tags[e] |= 1u << p;
        }

        return Determinize(nfa, start);
    }

    private static DigitAutomaton Determinize(Nfa nfa, int start)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<int[]>();
        var next = new List<int>();
        var accept = new List<uint>();
        var key = new StringBuilder();
        int Intern(SortedSet<int> set)
        {
            key.Clear();
            foreach (var n in set)
            {
                key.Append(n).Append(',');
            }

            var k = key.ToString();
            if (ids.TryGetValue(k, out var id))
            {
                return id;
            }

            if (sets.Count >= MaxStates)
            {
                throw new NotSupportedException("The automaton would be too large.");
            }

            id = sets.Count;
            ids.Add(k, id);
            var members = new int[set.Count];
            set.CopyTo(members);
            sets.Add(members);
            uint mask = 0;
            foreach (var n in members)
            {
                mask |= nfa.Tags[n];
            }

            accept.Add(mask);
            for (var d = 0; d < 10; d++)
            {
                next.Add(-1);
            }

            return id;
        }

        Intern(nfa.Closure([start]));
        for (var id = 0; id < sets.Count; id++)
        {
            for (var d = 0; d < 10; d++)
            {
                var targets = new List<int>();
                foreach (var n in sets[id])
                {
                    if ((nfa.Mask[n] & (1 << d)) != 0)
                    {
                        targets.Add(nfa.Target[n]);
                    }
                }

                if (targets.Count > 0)
                {
                    next[(id * 10) + d] = Intern(nfa.Closure(targets));
                }
            }
        }

        return new DigitAutomaton([.. next], [.. accept]);
    }

    private abstract record Node;

    private sealed record Digits(int Mask) : Node;

    private sealed record Sequence(List<Node> Items) : Node;

    private sealed record Alternation(List<Node> Options) : Node;

    private sealed record Repeat(Node Item, int Min, int Max) : Node; // Max -1: unbounded

    private sealed class Nfa
    {
        public List<List<int>> Epsilon { get; } = [];

        public List<int> Mask { get; } = [];   // digits of the one labelled edge

        public List<int> Target { get; } = [];

        public List<uint> Tags { get; } = [];

        public int Add()
        {
            Epsilon.Add([]);
            Mask.Add(0);
            Target.Add(-1);
            Tags.Add(0);
            return Epsilon.Count - 1;
        }

        public (int Start, int End) Build(Node node)
        {
            switch (node)
            {
                case Digits d:
                    {
                        var s = Add();
                        var e = Add();
                        Mask[s] = d.Mask;
                        Target[s] = e;
                        return (s, e);
                    }

                case Sequence q:
                    {
                        var s = Add();
                        var e = s;
                        foreach (var item in q.Items)
                        {
                            var (fs, fe) = Build(item);
                            Epsilon[e].Add(fs);
                            e = fe;
                        }

                        return (s, e);
                    }

                case Alternation a:
                    {
                        var s = Add();
                        var e = Add();
                        foreach (var option in a.Options)
                        {
                            var (fs, fe) = Build(option);
                            Epsilon[s].Add(fs);
                            Epsilon[fe].Add(e);
                        }

                        return (s, e);
                    }

                case Repeat r:
                    {
                        var s = Add();
                        var e = s;
                        for (var i = 0; i < r.Min; i++)
                        {
                            var (fs, fe) = Build(r.Item);
                            Epsilon[e].Add(fs);
                            e = fe;
                        }

                        if (r.Max < 0)
                        {
                            var (fs, fe) = Build(r.Item);
                            var end = Add();
                            Epsilon[e].Add(fs);
                            Epsilon[e].Add(end);
                            Epsilon[fe].Add(fs);
                            Epsilon[fe].Add(end);
                            return (s, end);
                        }

                        var last = Add();
                        for (var i = r.Min; i < r.Max; i++)
                        {
                            var (fs, fe) = Build(r.Item);
                            Epsilon[e].Add(fs);
                            Epsilon[e].Add(last);
                            e = fe;
                        }

                        Epsilon[e].Add(last);
                        return (s, last);
                    }

                default:
                    throw new NotSupportedException("Unknown node.");
            }
        }

        public SortedSet<int> Closure(IEnumerable<int> from)
        {
            var set = new SortedSet<int>();
            var stack = new Stack<int>(from);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (set.Add(n))
                {
                    foreach (var m in Epsilon[n])
                    {
                        stack.Push(m);
                    }
                }
            }

            // Only states with a labelled edge or a tag matter for the automaton.
            set.RemoveWhere(n => Mask[n] == 0 && Tags[n] == 0);
            return set;
        }
    }

    private ref struct Parser(string pattern)
    {
        private int _position;

        public Node ParseWhole()
        {
            var node = ParseAlternation();
            if (_position != pattern.Length)
            {
                throw Unsupported();
            }

            return node;
        }

        private readonly NotSupportedException Unsupported() => new($"Unsupported pattern syntax at position {_position}.");

        private Node ParseAlternation()
        {
            var options = new List<Node> { ParseSequence() };
            while (_position < pattern.Length && pattern[_position] == '|')
            {
                _position++;
                options.Add(ParseSequence());
            }

            return options.Count == 1 ? options[0] : new Alternation(options);
        }

        private Sequence ParseSequence()
        {
            var items = new List<Node>();
            while (_position < pattern.Length && pattern[_position] is not ('|' or ')'))
            {
                var atom = ParseAtom();
                items.Add(ParseQuantifier(atom));
            }

            return new Sequence(items);
        }

        private Node ParseAtom()
        {
            var c = pattern[_position++];
            switch (c)
            {
                case '(':
                    {
                        if (_position < pattern.Length && pattern[_position] == '?')
                        {
                            if (_position + 1 < pattern.Length && pattern[_position + 1] == ':')
                            {
                                _position += 2;
                            }
                            else
                            {
                                throw Unsupported();
                            }
                        }

                        var inner = ParseAlternation();
                        if (_position >= pattern.Length || pattern[_position] != ')')
                        {
                            throw Unsupported();
                        }

                        _position++;
                        return inner;
                    }

                case '[':
                    return new Digits(ParseClass());
                case '\\':
                    return new Digits(ParseEscape());
                case '.':
                    return new Digits(0x3FF);
                case >= '0' and <= '9':
                    return new Digits(1 << (c - '0'));
                case '^' or '$' or '*' or '+' or '?' or '{' or ')' or '|':
                    throw Unsupported();
                default:
                    // A literal that is not a digit never matches a digit string.
                    return new Digits(0);
            }
        }

        private int ParseEscape()
        {
            if (_position >= pattern.Length)
            {
                throw Unsupported();
            }

            var c = pattern[_position++];
            return c switch
            {
                'd' => 0x3FF,
                >= '0' and <= '9' => throw Unsupported(), // a back reference
                '.' or '-' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '?' or '*' or '+' or '\\' or '/' or ' ' => 0,
                _ => throw Unsupported(),
            };
        }

        private int ParseClass()
        {
            var negated = _position < pattern.Length && pattern[_position] == '^';
            if (negated)
            {
                _position++;
            }

            var mask = 0;
            var first = true;
            while (true)
            {
                if (_position >= pattern.Length)
                {
                    throw Unsupported();
                }

                var c = pattern[_position++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                int lowMask;
                char low;
                if (c == '\\')
                {
                    if (_position < pattern.Length && pattern[_position] == 'd')
                    {
                        _position++;
                        mask |= 0x3FF;
                        continue;
                    }

                    lowMask = ParseEscape();
                    mask |= lowMask;
                    continue;
                }

                low = c;
                if (_position + 1 < pattern.Length && pattern[_position] == '-' && pattern[_position + 1] != ']')
                {
                    var high = pattern[_position + 1];
                    if (high == '\\' || high == '[')
                    {
                        throw Unsupported();
                    }

                    _position += 2;
                    for (var d = Math.Max(low, '0'); d <= Math.Min(high, '9'); d++)
                    {
                        mask |= 1 << (d - '0');
                    }

                    continue;
                }

                if (low is >= '0' and <= '9')
                {
                    mask |= 1 << (low - '0');
                }
            }

            return negated ? ~mask & 0x3FF : mask;
        }

        private Node ParseQuantifier(Node atom)
        {
            if (_position >= pattern.Length)
            {
                return atom;
            }

            Node result;
            switch (pattern[_position])
            {
                case '?':
                    _position++;
                    result = new Repeat(atom, 0, 1);
                    break;
                case '*':
                    _position++;
                    result = new Repeat(atom, 0, -1);
                    break;
                case '+':
                    _position++;
                    result = new Repeat(atom, 1, -1);
                    break;
                case '{':
                    {
                        var close = pattern.IndexOf('}', _position);
                        if (close < 0)
                        {
                            throw Unsupported();
                        }

                        var body = pattern.AsSpan(_position + 1, close - _position - 1);
                        var comma = body.IndexOf(',');
                        int min, max;
                        if (comma < 0)
                        {
                            min = max = ParseCount(body);
                        }
                        else
                        {
                            min = ParseCount(body[..comma]);
                            max = comma == body.Length - 1 ? -1 : ParseCount(body[(comma + 1)..]);
                        }

                        if (max >= 0 && (max < min || max > 64))
                        {
                            throw Unsupported();
                        }

                        _position = close + 1;
                        result = new Repeat(atom, min, max);
                        break;
                    }

                default:
                    return atom;
            }

            if (_position < pattern.Length && pattern[_position] is '?' or '+')
            {
                if (pattern[_position] == '+')
                {
                    throw Unsupported(); // possessive
                }

                _position++; // lazy: the same language, and only languages matter here
            }

            return result;
        }

        private readonly int ParseCount(ReadOnlySpan<char> digits) =>
            int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 64
                ? n : throw Unsupported();
    }
}
