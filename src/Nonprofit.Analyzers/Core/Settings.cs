using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// The <c>.editorconfig</c> settings of one syntax tree, parsed once per distinct value. Created per compilation
/// (in a compilation-start action), never stored in an analyzer field.
/// </summary>
internal sealed class Settings
{
    public const string PersonalNamesKey = "nonprofit_privacy.personal_data_names";
    public const string NonPersonalNamesKey = "nonprofit_privacy.non_personal_names";
    public const string SinksKey = "nonprofit_privacy.log_sinks";
    public const string SyntaxFallbackKey = "nonprofit_privacy.syntax_fallback";

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<(string?, string?), PersonalDataNames> _names = new();
    private readonly ConcurrentDictionary<string, SinkList> _sinks = new(System.StringComparer.Ordinal);
    private readonly System.Lazy<bool> _hasSinks;

    public Settings(AnalyzerConfigOptionsProvider provider, System.Collections.Generic.IEnumerable<SyntaxTree>? trees = null)
    {
        _provider = provider;
        SyntaxFallback = provider.GlobalOptions.TryGetValue(SyntaxFallbackKey, out var fallback)
            && string.Equals(fallback.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        _hasSinks = new System.Lazy<bool>(() => AnyTreeNamesSinks(provider, trees), System.Threading.LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Whether any configuration (global or per file) names extra log sinks.</summary>
    public bool HasSinks => _hasSinks.Value;

    /// <summary>Whether rules fall back to syntax when a type does not bind (set by <c>nonprofit audit</c>).</summary>
    public bool SyntaxFallback { get; }

    public PersonalDataNames NamesFor(SyntaxTree tree)
    {
        var options = _provider.GetOptions(tree);
        var extra = Get(options, PersonalNamesKey);
        var excluded = Get(options, NonPersonalNamesKey);
        if (extra is null && excluded is null)
        {
            return PersonalDataNames.Default;
        }

        return _names.GetOrAdd((extra, excluded), key => PersonalDataNames.Create(key.Item1, key.Item2));
    }

    public SinkList SinksFor(SyntaxTree tree)
    {
        var value = Get(_provider.GetOptions(tree), SinksKey);
        return value is null ? SinkList.Empty : _sinks.GetOrAdd(value, SinkList.Parse);
    }

    /// <summary>Looked up only by the rules that need it (NP1001), not by every rule at compilation start.</summary>
    private static bool AnyTreeNamesSinks(AnalyzerConfigOptionsProvider provider, System.Collections.Generic.IEnumerable<SyntaxTree>? trees)
    {
        if (provider.GlobalOptions.TryGetValue(SinksKey, out _))
        {
            return true;
        }

        if (trees is not null)
        {
            foreach (var tree in trees)
            {
                if (provider.GetOptions(tree).TryGetValue(SinksKey, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) || _provider.GlobalOptions.TryGetValue(key, out value) ? value : null;
}
