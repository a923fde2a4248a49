using Nonprofit.Analyzers.CodeFixes;
using Nonprofit.Analyzers.Exceptions;
using Nonprofit.Analyzers.Logging;
using Nonprofit.Analyzers.Printing;
using Nonprofit.Analyzers.Serialization;
using Nonprofit.Analyzers.Urls;

namespace Nonprofit.Analyzers.Tests.CodeFixes;

public sealed class CodeFixTests
{
    [Fact]
    public Task Redact_LogArgument_WrapsInRedactorInScope() => Verify<LogAnalyzer>.FixAsync<RedactCodeFix>("""
        using Microsoft.Extensions.Compliance.Redaction;
        using Microsoft.Extensions.Logging;
        class Reminders(ILogger logger, Redactor redactor)
        {
            void Send(string email) => logger.LogInformation("Reminder sent to {Email}", {|NP1001:email|});
        }
        """, """
        using Microsoft.Extensions.Compliance.Redaction;
        using Microsoft.Extensions.Logging;
        class Reminders(ILogger logger, Redactor redactor)
        {
            void Send(string email) => logger.LogInformation("Reminder sent to {Email}", redactor.Redact(email));
        }
        """);

    [Fact]
    public Task Redact_ExceptionMessageHole_WrapsOnlyThePersonalValue() => Verify<ExceptionMessageAnalyzer>.FixAsync<RedactCodeFix>("""
        using System;
        using Microsoft.Extensions.Compliance.Redaction;
        class Cases
        {
            private readonly Redactor _redactor = null!;
            void Find(string phone) => throw new InvalidOperationException($"No case for {{|NP1002:phone|}}");
        }
        """, """
        using System;
        using Microsoft.Extensions.Compliance.Redaction;
        class Cases
        {
            private readonly Redactor _redactor = null!;
            void Find(string phone) => throw new InvalidOperationException($"No case for {_redactor.Redact(phone)}");
        }
        """);

    [Fact]
    public Task Classify_LoggerMessageParameter_AddsPersonalData() => Verify<LogAnalyzer>.FixAsync<ClassifyCodeFix>("""
        using Microsoft.Extensions.Logging;
        static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Registered {Email}")]
            public static partial void Registered(ILogger logger, string {|NP1001:email|});
            public static partial void Registered(ILogger logger, string email) { }
        }
        """, """
        using Microsoft.Extensions.Logging;
        using Nonprofit.Privacy.Compliance;
        static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Registered {Email}")]
            public static partial void Registered(ILogger logger, [PersonalData] string email);
            public static partial void Registered(ILogger logger, string email) { }
        }
        """);

    [Fact]
    public Task JsonIgnore_Property_AddsSystemTextJsonAttribute() => Verify<SerializationAnalyzer>.FixAsync<JsonIgnoreCodeFix>("""
        using System.Text.Json;
        class Volunteer
        {
            public int Id { get; set; }
            public string Email { get; set; } = "";
        }
        class Store
        {
            string Save(Volunteer volunteer) => JsonSerializer.Serialize({|NP1004:volunteer|});
        }
        """, """
        using System.Text.Json;
        using System.Text.Json.Serialization;
        class Volunteer
        {
            public int Id { get; set; }
            [JsonIgnore]
            public string Email { get; set; } = "";
        }
        class Store
        {
            string Save(Volunteer volunteer) => JsonSerializer.Serialize(volunteer);
        }
        """);

    [Fact]
    public Task JsonIgnore_PositionalRecord_TargetsTheProperty() => Verify<SerializationAnalyzer>.FixAsync<JsonIgnoreCodeFix>("""
        using Newtonsoft.Json;
        record Donor(int Id, string Iban);
        class Export
        {
            string Write(Donor donor) => JsonConvert.SerializeObject({|NP1004:donor|});
        }
        """, """
        using Newtonsoft.Json;
        record Donor(int Id, [property: JsonIgnore] string Iban);
        class Export
        {
            string Write(Donor donor) => JsonConvert.SerializeObject(donor);
        }
        """, null, Stubs.Logging, Stubs.Newtonsoft);

    [Fact]
    public Task PrintMembers_PositionalRecord_PrintsOnlyNonPersonalMembers() => Verify<ToStringAnalyzer>.FixAsync<PrintMembersCodeFix>("""
        public sealed record Beneficiary(string CaseId, string {|NP1005:Phone|}, int Visits);
        """, """
        public sealed record Beneficiary(string CaseId, string Phone, int Visits)
        {
            private bool PrintMembers(System.Text.StringBuilder builder)
            {
                builder.Append("CaseId = ");
                builder.Append(CaseId);
                builder.Append(", Visits = ");
                builder.Append(Visits);
                return true;
            }
        }
        """);

    [Fact]
    public Task QueryToBody_GetWithPersonalQuery_BecomesPostWithFormBody() => Verify<UrlAnalyzer>.FixAsync<QueryToBodyCodeFix>("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class Geocoder
        {
            Task<HttpResponseMessage> Find(HttpClient http, string homeAddress, int limit) =>
                http.GetAsync($"https://geo.example.org/search?q={{|NP1006:homeAddress|}}&limit={limit}&format=json");
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        class Geocoder
        {
            Task<HttpResponseMessage> Find(HttpClient http, string homeAddress, int limit) =>
                http.PostAsync("https://geo.example.org/search", new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = homeAddress, ["limit"] = $"{limit}", ["format"] = "json" }));
        }
        """, "QueryToBody");
}
