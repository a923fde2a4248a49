using System.Threading;
using Microsoft.CodeAnalysis;

namespace Nonprofit.Analyzers.Core;

/// <summary>The types the rules look for, each resolved at most once per compilation and only when a rule asks (null when the compilation does not reference them).</summary>
internal sealed class KnownTypes
{
    /// <summary>The metadata names, in the order of the properties below.</summary>
    private static readonly string[] s_names =
    [
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.LoggerExtensions",
        "Microsoft.Extensions.Logging.LoggerMessageAttribute",
        "Microsoft.Extensions.AI.IChatClient",
        "System.Exception",
        "System.Console",
        "System.Diagnostics.Debug",
        "System.Diagnostics.Trace",
        "System.Text.Json.JsonSerializer",
        "Newtonsoft.Json.JsonConvert",
        "Newtonsoft.Json.JsonSerializer",
        "System.Net.Http.HttpClient",
        "System.Uri",
        "System.IO.File",
        "System.IO.Path",
        "System.IO.Directory",
    ];

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol?[] _types = new INamedTypeSymbol?[s_names.Length];
    private readonly bool[] _resolved = new bool[s_names.Length];

    private KnownTypes(Compilation compilation)
    {
        _compilation = compilation;
    }

    public INamedTypeSymbol? ILogger => Get(0);

    public INamedTypeSymbol? LoggerExtensions => Get(1);

    public INamedTypeSymbol? LoggerMessageAttribute => Get(2);

    public INamedTypeSymbol? IChatClient => Get(3);

    public INamedTypeSymbol? Exception => Get(4);

    public INamedTypeSymbol? Console => Get(5);

    public INamedTypeSymbol? Debug => Get(6);

    public INamedTypeSymbol? Trace => Get(7);

    public INamedTypeSymbol? StjSerializer => Get(8);

    public INamedTypeSymbol? NewtonsoftConvert => Get(9);

    public INamedTypeSymbol? NewtonsoftSerializer => Get(10);

    public INamedTypeSymbol? HttpClient => Get(11);

    public INamedTypeSymbol? Uri => Get(12);

    public INamedTypeSymbol? File => Get(13);

    public INamedTypeSymbol? Path => Get(14);

    public INamedTypeSymbol? Directory => Get(15);

    /// <summary>
    /// Resolves a type on first use: most rules need two or three of these, and a lookup of a type the compilation does
    /// not reference searches every referenced assembly. Races are benign (the lookup is deterministic).
    /// </summary>
    private INamedTypeSymbol? Get(int index)
    {
        if (Volatile.Read(ref _resolved[index]))
        {
            return _types[index];
        }

        var type = _compilation.GetTypeByMetadataName(s_names[index]);
        _types[index] = type;
        Volatile.Write(ref _resolved[index], true);
        return type;
    }

    public static KnownTypes Create(Compilation compilation) => new(compilation);

    /// <summary>Whether <paramref name="type"/> is or derives from / implements <paramref name="target"/>.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> derives from a class of that simple name (for types whose base does not bind).</summary>
    public static bool InheritsByName(ITypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
