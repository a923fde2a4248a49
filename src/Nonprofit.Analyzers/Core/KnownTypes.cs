using Microsoft.CodeAnalysis;

namespace Nonprofit.Analyzers.Core;

/// <summary>The types the rules look for, resolved once per compilation (null when the compilation does not reference them).</summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation)
    {
        ILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        IChatClient = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        Console = compilation.GetTypeByMetadataName("System.Console");
        Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        StjSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        NewtonsoftConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        NewtonsoftSerializer = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializer");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        Path = compilation.GetTypeByMetadataName("System.IO.Path");
        Directory = compilation.GetTypeByMetadataName("System.IO.Directory");
    }

    public INamedTypeSymbol? ILogger { get; }

    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    public INamedTypeSymbol? IChatClient { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? Console { get; }

    public INamedTypeSymbol? Debug { get; }

    public INamedTypeSymbol? Trace { get; }

    public INamedTypeSymbol? StjSerializer { get; }

    public INamedTypeSymbol? NewtonsoftConvert { get; }

    public INamedTypeSymbol? NewtonsoftSerializer { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? File { get; }

    public INamedTypeSymbol? Path { get; }

    public INamedTypeSymbol? Directory { get; }

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
