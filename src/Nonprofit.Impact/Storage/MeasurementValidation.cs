using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nonprofit.Impact;

/// <summary>A measurement checked and put in canonical form, ready to write.</summary>
internal readonly record struct PreparedMeasurement(
    string EventId, string IndicatorId, double Value, long UtcTicks, DimensionValue[] Dimensions, string DimensionsJson);

/// <summary>
/// Checks measurements and queries before anything touches the database. Messages name the batch index and
/// the field or dimension name, never a value: a rejected value may be exactly the personal data kept out.
/// </summary>
internal static class MeasurementValidation
{
    public const int MaxEventIdLength = 200;
    public const int MaxDimensionNameLength = 100;
    public const int MaxDimensionValueLength = 200;

    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Checks every measurement of <paramref name="batch"/> and returns them in canonical form.</summary>
    /// <exception cref="ArgumentException">A measurement is invalid or looks like it holds personal data.</exception>
    public static PreparedMeasurement[] Prepare(IReadOnlyList<ImpactMeasurement> batch)
    {
        var prepared = new PreparedMeasurement[batch.Count];
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < prepared.Length; i++)
        {
            var m = batch[i] ?? throw Invalid(nameof(batch), i, "is null.");
            if (string.IsNullOrWhiteSpace(m.EventId))
            {
                throw Invalid(nameof(batch), i, $"{nameof(ImpactMeasurement.EventId)} is required.");
            }

            if (m.EventId.Length > MaxEventIdLength)
            {
                throw Invalid(nameof(batch), i, string.Create(CultureInfo.InvariantCulture, $"{nameof(ImpactMeasurement.EventId)} is longer than {MaxEventIdLength} characters."));
            }

            if (PersonalDataHeuristics.Classify(m.EventId) is var eventKind and not PersonalDataKind.None)
            {
                throw Invalid(nameof(batch), i, $"{nameof(ImpactMeasurement.EventId)} looks like personal data ({Describe(eventKind)}). The store keeps no personal data: use a GUID or an id that is not about a person.");
            }

            if (m.IndicatorId is null || !FrameworkValidator.IsValidId(m.IndicatorId))
            {
                throw Invalid(nameof(batch), i, $"{nameof(ImpactMeasurement.IndicatorId)} is not a valid indicator id (1 to 100 letters, digits, '.', '-', '_').");
            }

            if (!double.IsFinite(m.Value))
            {
                throw Invalid(nameof(batch), i, $"{nameof(ImpactMeasurement.Value)} is not a finite number.");
            }

            var dimensions = PrepareDimensions(nameof(batch), i, m.Dimensions);
            prepared[i] = new PreparedMeasurement(m.EventId, m.IndicatorId, m.Value, m.Timestamp.UtcTicks, dimensions, ToJson(dimensions, buffer));
        }

        return prepared;
    }

    /// <summary>Checks the dimension conditions of a query and returns a copy.</summary>
    public static DimensionValue[] PrepareQueryDimensions(IList<DimensionValue> dimensions, string paramName)
    {
        var copy = new DimensionValue[dimensions.Count];
        for (var d = 0; d < copy.Length; d++)
        {
            var dv = dimensions[d];
            if (dv is null || string.IsNullOrWhiteSpace(dv.Name) || string.IsNullOrWhiteSpace(dv.Value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{paramName}.Dimensions[{d}] needs a name and a value."), paramName);
            }

            copy[d] = dv;
        }

        return copy;
    }

    /// <summary>Reads the canonical JSON object (<c>{"age":"15-19","sex":"female"}</c>) back into dimension values.</summary>
    public static DimensionValue[] FromJson(string json)
    {
        if (json.Length <= 2)
        {
            return [];
        }

        var result = new List<DimensionValue>(4);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read(); // StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            result.Add(new DimensionValue(name, reader.GetString()!));
        }

        return [.. result];
    }

    private static DimensionValue[] PrepareDimensions(string paramName, int index, IReadOnlyList<DimensionValue>? dimensions)
    {
        if (dimensions is null)
        {
            throw Invalid(paramName, index, $"{nameof(ImpactMeasurement.Dimensions)} is null; use an empty list for no disaggregation.");
        }

        if (dimensions.Count == 0)
        {
            return [];
        }

        var sorted = new DimensionValue[dimensions.Count];
        for (var d = 0; d < sorted.Length; d++)
        {
            var dv = dimensions[d];
            if (dv is null || string.IsNullOrWhiteSpace(dv.Name))
            {
                throw Invalid(paramName, index, string.Create(CultureInfo.InvariantCulture, $"{nameof(ImpactMeasurement.Dimensions)}[{d}] has no name."));
            }

            if (dv.Name.Length > MaxDimensionNameLength)
            {
                throw Invalid(paramName, index, string.Create(CultureInfo.InvariantCulture, $"{nameof(ImpactMeasurement.Dimensions)}[{d}] has a name longer than {MaxDimensionNameLength} characters."));
            }

            if (PersonalDataHeuristics.Classify(dv.Name) is var nameKind and not PersonalDataKind.None)
            {
                // Not even the name is echoed: it is the one string the other messages quote.
                throw Invalid(paramName, index, string.Create(CultureInfo.InvariantCulture, $"{nameof(ImpactMeasurement.Dimensions)}[{d}] has a name that looks like personal data ({Describe(nameKind)})."));
            }

            if (string.IsNullOrWhiteSpace(dv.Value))
            {
                throw Invalid(paramName, index, $"dimension '{dv.Name}' has no value.");
            }

            if (dv.Value.Length > MaxDimensionValueLength)
            {
                throw Invalid(paramName, index, string.Create(CultureInfo.InvariantCulture, $"dimension '{dv.Name}' has a value longer than {MaxDimensionValueLength} characters."));
            }

            if (PersonalDataHeuristics.Classify(dv.Value) is var kind and not PersonalDataKind.None)
            {
                throw Invalid(paramName, index, $"dimension '{dv.Name}' has a value that looks like personal data ({Describe(kind)}). The store keeps no personal data: record a category (an age band, a region code) instead.");
            }

            sorted[d] = dv;
        }

        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        for (var d = 1; d < sorted.Length; d++)
        {
            if (string.Equals(sorted[d].Name, sorted[d - 1].Name, StringComparison.Ordinal))
            {
                throw Invalid(paramName, index, $"dimension '{sorted[d].Name}' has more than one value; a measurement has at most one value per dimension.");
            }
        }

        return sorted;
    }

    private static string ToJson(DimensionValue[] sorted, ArrayBufferWriter<byte> buffer)
    {
        if (sorted.Length == 0)
        {
            return "{}";
        }

        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, s_jsonOptions))
        {
            writer.WriteStartObject();
            foreach (var dv in sorted)
            {
                writer.WriteString(dv.Name, dv.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "an e-mail address",
        PersonalDataKind.PhoneNumber => "a phone number",
        PersonalDataKind.PaymentCard => "a payment card number",
        PersonalDataKind.Iban => "an IBAN",
        _ => "personal data",
    };

    private static ArgumentException Invalid(string paramName, int index, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}]: {problem} Nothing of the batch was written."), paramName);
}
