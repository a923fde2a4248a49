using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact;

/// <summary>
/// Reads and writes <see cref="ResultsFramework"/> JSON (camelCase, enums as strings, dates as <c>yyyy-MM-dd</c>),
/// and publishes the JSON Schema of that format.
/// </summary>
public static class ResultsFrameworkJson
{
    /// <summary>The <c>$id</c> of the published JSON Schema.</summary>
    public const string SchemaId = "https://github.com/nonprofit-sdk/Nonprofit.Sdk/schemas/results-framework.schema.json";

    /// <summary>Gets the serializer options of the format. Unknown properties are errors, so a misspelt name is caught.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a framework from JSON and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The valid framework.</returns>
    /// <exception cref="FrameworkValidationException">The JSON is malformed or the framework is invalid; every error names its path.</exception>
    public static ResultsFramework Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var framework = Deserialize(() => JsonSerializer.Deserialize<ResultsFramework>(json, Options));
        framework.EnsureValid();
        return framework;
    }

    /// <summary>Reads a framework from a UTF-8 JSON stream and validates it.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The valid framework.</returns>
    /// <exception cref="FrameworkValidationException">The JSON is malformed or the framework is invalid; every error names its path.</exception>
    public static async Task<ResultsFramework> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ResultsFramework? framework;
        try
        {
            framework = await JsonSerializer.DeserializeAsync<ResultsFramework>(utf8Json, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw ToValidationException(ex);
        }

        framework = framework ?? throw new FrameworkValidationException([new FrameworkError("", "The file holds JSON null, not a results framework.")]);
        framework.EnsureValid();
        return framework;
    }

    /// <summary>Reads a framework from a JSON file and validates it.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The valid framework.</returns>
    /// <exception cref="FrameworkValidationException">The JSON is malformed or the framework is invalid; every error names its path.</exception>
    public static async Task<ResultsFramework> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a framework as indented JSON.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ResultsFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return JsonSerializer.Serialize(framework, Options);
    }

    /// <summary>Writes a framework as indented UTF-8 JSON.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="utf8Json">The stream to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the framework is written.</returns>
    public static Task WriteAsync(ResultsFramework framework, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return JsonSerializer.SerializeAsync(utf8Json, framework, Options, cancellationToken);
    }

    /// <summary>Generates the JSON Schema (draft 2020-12) of the format from the types.</summary>
    /// <returns>The schema.</returns>
    public static JsonObject GetJsonSchema()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = TransformSchemaNode,
        };
        var node = (JsonObject)Options.GetJsonSchemaAsNode(typeof(ResultsFramework), exporterOptions);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "Nonprofit.Impact results framework",
            ["description"] = "Activities, results, indicators (with disaggregation dimensions and vocabulary references), baselines, periods, targets and actuals; maps onto IATI 2.03 results.",
        };
        foreach (var (key, value) in node)
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }

    private static JsonNode TransformSchemaNode(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Type == typeof(LocalizedText))
        {
            return JsonNode.Parse("""
                {
                  "description": "A text, or its narratives in several languages.",
                  "oneOf": [
                    { "type": "string" },
                    {
                      "type": "array",
                      "minItems": 1,
                      "items": {
                        "type": "object",
                        "properties": { "text": { "type": "string" }, "lang": { "type": ["string", "null"] } },
                        "required": ["text"],
                        "additionalProperties": false
                      }
                    }
                  ]
                }
                """)!;
        }

        if (context.PropertyInfo?.CustomConverter is ValueJsonConverter)
        {
            return JsonNode.Parse("""{ "description": "A number, or text for qualitative indicators.", "type": ["number", "string", "null"] }""")!;
        }

        if (context.TypeInfo.Type == typeof(DateOnly) && schema is JsonObject date)
        {
            date["format"] = "date";
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject obj && !obj.ContainsKey("$ref"))
        {
            obj["additionalProperties"] = false;
        }

        return schema;
    }

    private static ResultsFramework Deserialize(Func<ResultsFramework?> read)
    {
        ResultsFramework? framework;
        try
        {
            framework = read();
        }
        catch (JsonException ex)
        {
            throw ToValidationException(ex);
        }

        return framework ?? throw new FrameworkValidationException([new FrameworkError("", "The file holds JSON null, not a results framework.")]);
    }

    private static FrameworkValidationException ToValidationException(JsonException ex)
    {
        var path = ex.Path is null ? "" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";

        // The serializer's message can quote the input; keep only our own description and the position.
        var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "Unknown property: check its spelling against the schema"
            : ex.InnerException is null && ex.Message.StartsWith("Expected", StringComparison.Ordinal)
                ? ex.Message.TrimEnd('.')
                : "Malformed JSON or a value of the wrong type";
        return new FrameworkValidationException([new FrameworkError(path, message + where + ".")]);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers = { SkipEmptyCollections },
            },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }

    private static void SkipEmptyCollections(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() is { } definition
                && (definition == typeof(IList<>) || definition == typeof(IDictionary<,>)))
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }
}
