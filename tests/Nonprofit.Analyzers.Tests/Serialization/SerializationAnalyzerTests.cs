using Nonprofit.Analyzers.Serialization;

namespace Nonprofit.Analyzers.Tests.Serialization;

public sealed class SerializationAnalyzerTests
{
    [Fact]
    public Task SystemTextJson_PersonalMembers_Reports() => Verify<SerializationAnalyzer>.AnalyzerAsync("""
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Nonprofit.Privacy.Compliance;
        class Beneficiary
        {
            public string CaseId { get; set; } = "";
            public string Email { get; set; } = "";
            [JsonIgnore] public string Phone { get; set; } = "";
            [PersonalData] public string Code { get; set; } = "";
            public int EmailTemplateId { get; set; }
        }
        class Case { public Beneficiary Beneficiary { get; set; } = new(); }
        class Store
        {
            string Save(Beneficiary beneficiary) => JsonSerializer.Serialize({|NP1004:{|NP1004:beneficiary|}|});
            string SaveAll(List<Case> cases) => JsonSerializer.Serialize({|NP1004:{|NP1004:cases|}|});
        }
        """);

    [Fact]
    public Task Newtonsoft_PersonalMembers_Reports() => Verify<SerializationAnalyzer>.AnalyzerAsync("""
        using Newtonsoft.Json;
        class Donor { public string Iban { get; set; } = ""; [JsonIgnore] public string Surname { get; set; } = ""; public decimal Amount { get; set; } }
        class Export
        {
            string Write(Donor donor) => JsonConvert.SerializeObject({|NP1004:donor|});
        }
        """, null, Stubs.Logging, Stubs.Newtonsoft);

    [Fact]
    public Task RedactingConverterOrNoPersonalMembers_DoesNotReport() => Verify<SerializationAnalyzer>.AnalyzerAsync("""
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        sealed class RedactingStringConverter : JsonConverter<string>
        {
            public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => "";
            public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue("***");
        }
        class Volunteer
        {
            [JsonConverter(typeof(RedactingStringConverter))] public string Email { get; set; } = "";
            public int Hours { get; set; }
        }
        class Shift { public DateTime Start { get; set; } public string AddressFamily { get; set; } = ""; }
        class Store
        {
            string Save(Volunteer volunteer, Shift shift) => JsonSerializer.Serialize(volunteer) + JsonSerializer.Serialize(shift);
        }
        """);
}
