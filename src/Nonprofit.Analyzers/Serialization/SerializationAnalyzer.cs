using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Serialization;

/// <summary>
/// NP1004: a personal member (by classification or name) of a type serialized with System.Text.Json
/// (<c>JsonSerializer.Serialize*</c>) or Newtonsoft.Json (<c>JsonConvert.SerializeObject</c>, <c>JsonSerializer.Serialize</c>)
/// that has neither <c>[JsonIgnore]</c> nor a redacting <c>[JsonConverter]</c>. Follows nested types and collections.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SerializationAnalyzer : PrivacyAnalyzer
{
    public const string SerializerProperty = "serializer";
    public const string Newtonsoft = "Newtonsoft";
    public const string SystemTextJson = "SystemTextJson";
    private const int MaxNesting = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.Serialization];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope) =>
        scope.RegisterCalls(
            context,
            (name, _) => name.StartsWith("Serialize", System.StringComparison.Ordinal),
            (call, c) => Analyze(call, c, scope),
            creations: false);

    private static void Analyze(Call call, OperationAnalysisContext context, AnalysisScope scope)
    {
        var serializer = Serializer(call, scope.Types);
        if (serializer is null || call.Arguments.Count == 0)
        {
            return;
        }

        var value = Value(call);
        var model = context.Operation.SemanticModel!;
        var type = model.GetTypeInfo(value.Expression, context.CancellationToken).Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var names = scope.Settings.NamesFor(call.Syntax.SyntaxTree);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SerializerProperty, serializer);
        var display = serializer == Newtonsoft ? "Newtonsoft.Json" : "System.Text.Json";
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        Report(context, PersonalMembers.Unwrap(type), "", value.Expression.GetLocation(), names, properties, display + " (" + call.Name + ")", visited, 0);
    }

    private static void Report(
        OperationAnalysisContext context, ITypeSymbol type, string path, Location location, PersonalDataNames names,
        ImmutableDictionary<string, string?> properties, string serializer, HashSet<ITypeSymbol> visited, int depth)
    {
        if (depth > MaxNesting || PersonalMembers.IsPlainType(type) || !visited.Add(type))
        {
            return;
        }

        var personal = new HashSet<ISymbol>(PersonalMembers.Of(type, names), SymbolEqualityComparer.Default);
        foreach (var member in personal)
        {
            if (!PersonalMembers.IsIgnoredOrRedactedInJson(member))
            {
                var declaration = member.Locations.Length > 0 && member.Locations[0].IsInSource ? [member.Locations[0]] : ImmutableArray<Location>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Rules.Serialization, location, declaration, properties, path + type.Name + "." + member.Name, serializer));
            }
        }

        // Nested objects: Case.Beneficiary.Phone is serialized too.
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || personal.Contains(member)
                || PersonalMembers.TypeOf(member) is not { } memberType || PersonalMembers.IsIgnoredOrRedactedInJson(member))
            {
                continue;
            }

            Report(context, PersonalMembers.Unwrap(memberType), path + type.Name + "." + member.Name + " -> ", location, names, properties, serializer, visited, depth + 1);
        }
    }

    private static string? Serializer(Call call, KnownTypes types)
    {
        if (call.Method is { } method)
        {
            var type = method.ContainingType;
            if (call.Name.StartsWith("Serialize", System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(type, types.StjSerializer))
            {
                return SystemTextJson;
            }

            return (call.Name == "SerializeObject" && SymbolEqualityComparer.Default.Equals(type, types.NewtonsoftConvert))
                || (call.Name == "Serialize" && SymbolEqualityComparer.Default.Equals(type, types.NewtonsoftSerializer))
                ? Newtonsoft
                : null;
        }

        return call.Name == "SerializeObject" && call.ReceiverName == "JsonConvert" ? Newtonsoft
            : call.Name.StartsWith("Serialize", System.StringComparison.Ordinal) && call.ReceiverName == "JsonSerializer" ? SystemTextJson
            : null;
    }

    /// <summary>The serialized value: the parameter named "value" (both libraries), else the first argument that is not a stream or writer.</summary>
    private static CallArgument Value(Call call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.ParameterName is "value" or "obj")
            {
                return argument;
            }
        }

        return call.Method is null && call.Arguments.Count > 1 && call.Name == "SerializeAsync" ? call.Arguments[1] : call.Arguments[0];
    }
}
