using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Nonprofit.Cli.Audit;

/// <summary>
/// A compilation of a folder's C# sources without building it: no restore, no project evaluation. It references
/// the installed .NET and ASP.NET Core reference packs (or, without packs, the shared frameworks) plus what the
/// sources declare; whatever else the code uses stays unbound and the rules fall back to syntax.
/// </summary>
internal static class SourceCompilation
{
    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules", ".vs", "TestResults", "packages",
    };

    /// <summary>The usings that SDK projects with <c>ImplicitUsings</c> get (console and web).</summary>
    private static readonly string[] s_implicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static IReadOnlyList<string> FindSources(string root)
    {
        var files = new List<string>();
        Collect(root, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static CSharpCompilation Create(string root, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>(files.Count + 1);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = File.OpenRead(file);
            var text = SourceText.From(stream, Encoding.UTF8);
            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken));
        }

        if (UsesImplicitUsings(root))
        {
            var usings = string.Concat(s_implicitUsings.Select(u => "global using global::" + u + ";\n"));
            trees.Add(CSharpSyntaxTree.ParseText(usings, parseOptions, Path.Combine(root, "obj", "ImplicitUsings.g.cs"), Encoding.UTF8, cancellationToken));
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create("audit", trees, References(), options);
    }

    /// <summary>The reference assemblies of the newest installed Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref packs.</summary>
    public static IReadOnlyList<MetadataReference> References()
    {
        var dotnetRoot = DotnetRoot();
        var references = new List<MetadataReference>();
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            var folder = NewestRefFolder(Path.Combine(dotnetRoot, "packs", framework + ".Ref"))
                ?? NewestVersion(Path.Combine(dotnetRoot, "shared", framework));
            if (folder is null)
            {
                continue;
            }

            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (HasMetadata(dll))
                {
                    references.Add(MetadataReference.CreateFromFile(dll));
                }
            }
        }

        return references;
    }

    private static string DotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }

        // .../shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
    }

    private static string? NewestRefFolder(string pack)
    {
        var version = NewestVersion(pack);
        if (version is null || !Directory.Exists(Path.Combine(version, "ref")))
        {
            return null;
        }

        return Directory.GetDirectories(Path.Combine(version, "ref")).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
    }

    private static string? NewestVersion(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetDirectories(folder)
                .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null)
                .OrderByDescending(d => d.Version)
                .Select(d => d.Path)
                .FirstOrDefault()
            : null;

    private static bool HasMetadata(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static bool UsesImplicitUsings(string root) =>
        Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Any(p => File.ReadAllText(p).Contains("<ImplicitUsings>enable</ImplicitUsings>", StringComparison.OrdinalIgnoreCase));

    private static void Collect(string folder, List<string> files)
    {
        files.AddRange(Directory.EnumerateFiles(folder, "*.cs"));
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!s_skippedFolders.Contains(Path.GetFileName(sub)))
            {
                Collect(sub, files);
            }
        }
    }
}
