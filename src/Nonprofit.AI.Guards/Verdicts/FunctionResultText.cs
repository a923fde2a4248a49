using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>The text of a function result that the guards check: the string, or the result serialised to JSON.</summary>
internal static class FunctionResultText
{
    public static string Of(object result) =>
        result as string ?? JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType()));
}
