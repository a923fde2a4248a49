using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Logging;

/// <summary>Recognises log sinks: ILogger calls, [LoggerMessage] methods, Console/Debug/Trace writes, Serilog, configured sinks.</summary>
internal static class LogSinks
{
    private static readonly HashSet<string> s_loggerMethods = new(StringComparer.Ordinal)
    {
        "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope",
    };

    private static readonly HashSet<string> s_serilogMethods = new(StringComparer.Ordinal)
    {
        "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write",
    };

    private static readonly HashSet<string> s_consoleMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteAsync", "WriteLineAsync",
    };

    private static readonly HashSet<string> s_diagnosticsMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail", "Assert", "TraceInformation", "TraceWarning", "TraceError",
    };

    /// <summary>Whether a method name can be a built-in sink's (a cheap test before anything is bound).</summary>
    public static bool IsSinkName(string name) =>
        s_loggerMethods.Contains(name) || s_serilogMethods.Contains(name) || s_consoleMethods.Contains(name) || s_diagnosticsMethods.Contains(name);

    /// <summary>A display name for the sink (for the message), or null when the call is not a log sink.</summary>
    public static string? Describe(Call call, KnownTypes types, SinkList configured)
    {
        var method = call.Method;
        if (method is not null)
        {
            var type = method.ContainingType;
            if (IsLoggerMessage(method))
            {
                return "the [LoggerMessage] method '" + method.Name + "'";
            }

            if (s_loggerMethods.Contains(method.Name)
                && (SymbolEqualityComparer.Default.Equals(type, types.LoggerExtensions) || KnownTypes.IsOrInherits(type, types.ILogger)))
            {
                return "ILogger." + method.Name;
            }

            if (s_consoleMethods.Contains(method.Name)
                && (SymbolEqualityComparer.Default.Equals(type, types.Console) || (type.Name == "TextWriter" && IsConsoleStream(call))))
            {
                return "Console." + method.Name;
            }

            if (s_diagnosticsMethods.Contains(method.Name)
                && (SymbolEqualityComparer.Default.Equals(type, types.Debug) || SymbolEqualityComparer.Default.Equals(type, types.Trace)))
            {
                return type.Name + "." + method.Name;
            }

            if (s_serilogMethods.Contains(method.Name) && type.ContainingNamespace?.Name == "Serilog")
            {
                return "Serilog " + method.Name;
            }

            if (!configured.IsEmpty && configured.Matches(type.Name, type.ToDisplayString(), method.Name))
            {
                return "the configured sink " + type.Name + "." + method.Name;
            }

            return null;
        }

        // Not bound (nonprofit audit on code whose references are missing): go by names.
        var receiver = call.ReceiverName;
        if (receiver is null)
        {
            return null;
        }

        if (s_loggerMethods.Contains(call.Name) && receiver.IndexOf("log", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "ILogger." + call.Name;
        }

        if (s_serilogMethods.Contains(call.Name) && receiver is "Log" or "_log" or "_logger" or "logger")
        {
            return "a logger's " + call.Name;
        }

        if (s_consoleMethods.Contains(call.Name) && (receiver == "Console" || IsConsoleStream(call)))
        {
            return "Console." + call.Name;
        }

        if (s_diagnosticsMethods.Contains(call.Name) && receiver is "Debug" or "Trace")
        {
            return receiver + "." + call.Name;
        }

        return !configured.IsEmpty && configured.Matches(receiver, null, call.Name) ? "the configured sink " + receiver + "." + call.Name : null;
    }

    public static bool IsLoggerMessage(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "LoggerMessageAttribute" or "LoggerMessage")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parameters of a [LoggerMessage] method that carry no message data: the logger, the level, the exception.</summary>
    public static bool IsInfrastructure(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        return type.Name is "ILogger" or "LogLevel" or "EventId" or "CancellationToken"
            || KnownTypes.InheritsByName(type, "Exception")
            || (type is INamedTypeSymbol { IsGenericType: true } generic && generic.Name == "ILogger");
    }

    private static bool IsConsoleStream(Call call) =>
        call.Receiver is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
        {
            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "Console" },
            Name.Identifier.ValueText: "Out" or "Error",
        };
}
