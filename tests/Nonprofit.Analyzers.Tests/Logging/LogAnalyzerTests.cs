using Nonprofit.Analyzers.Logging;

namespace Nonprofit.Analyzers.Tests.Logging;

public sealed class LogAnalyzerTests
{
    [Fact]
    public Task ILogger_PersonalArgument_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        class Volunteer { public string Email { get; set; } = ""; public string Id { get; set; } = ""; }
        class Reminders
        {
            private readonly ILogger _logger = null!;
            void Send(Volunteer volunteer, string phoneNumber)
            {
                _logger.LogInformation("Reminder sent to {Email}", {|NP1001:volunteer.Email|});
                _logger.LogWarning("No answer from {Phone}", {|NP1001:phoneNumber|});
                _logger.LogInformation("Reminder sent to volunteer {Id}", volunteer.Id);
            }
        }
        """);

    [Fact]
    public Task ILogger_LocalAssignedLater_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        class Cases
        {
            void Open(ILogger logger, string email, string phone, string caseId)
            {
                var text = "";
                text = email;
                logger.LogInformation({|NP1001:text|});
                var note = "";
                note
                    += /* appended */ phone;
                logger.LogInformation({|NP1001:note|});
                string @event = null;
                @event ??= email;
                logger.LogInformation({|NP1001:@event|});
                var label = "label = email";
                var labelText = "";
                labelText = email;
                logger.LogInformation(label);
                var safe = "";
                safe = caseId;
                if (safe == email) { }
                logger.LogInformation(safe);
            }
        }
        """);

    [Fact]
    public Task ILogger_DerivedValues_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        class Cases
        {
            void Open(ILogger logger, string dateOfBirth, string firstName, string lastName)
            {
                var who = firstName + " " + lastName;
                var line = $"born {dateOfBirth}";
                logger.LogInformation({|NP1001:who|});
                logger.LogInformation({|NP1001:line|});
                logger.LogInformation(string.Format("x {0}", {|NP1001:dateOfBirth|}.ToString()));
            }
        }
        """);

    [Fact]
    public Task ILogger_RedactedOrNonPersonalNames_DoesNotReport() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Compliance.Redaction;
        using System.Net.Sockets;
        class Mailer
        {
            void Send(ILogger logger, Redactor redactor, string email, int emailTemplateId, string phoneticAlgorithm, AddressFamily addressFamily, bool isEmailVerified, string ipAddress)
            {
                logger.LogInformation("To {Email}", redactor.Redact(email));
                logger.LogInformation("Template {Id} {Algo} {Family} {Verified}", emailTemplateId, phoneticAlgorithm, addressFamily, isEmailVerified);
                logger.LogInformation("Length {Length}", email.Length);
                logger.LogInformation("From {Ip}", ipAddress);
                logger.LogInformation("Hashed {Hash}", HashEmail(email));
            }

            static string HashEmail(string value) => value;
        }
        """);

    [Fact]
    public Task ConsoleDebugTrace_PersonalArgument_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        class Importer
        {
            void Import(string nationalId, string iban, string postcode)
            {
                Console.WriteLine($"Imported {{|NP1001:nationalId|}}");
                Debug.WriteLine({|NP1001:iban|});
                Trace.TraceWarning("bad postcode " + {|NP1001:postcode|});
                Console.Error.WriteLine({|NP1001:postcode|});
                Console.WriteLine("Imported one record");
            }
        }
        """);

    [Fact]
    public Task LoggerMessage_PersonalParameterWithoutClassification_ReportsAtDeclaration() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using Nonprofit.Privacy.Compliance;
        static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Registered {Email}")]
            public static partial void Registered(ILogger logger, string {|NP1001:email|});

            [LoggerMessage(2, LogLevel.Information, "Registered {Email}")]
            public static partial void RegisteredClassified(ILogger logger, [PersonalData] string email);

            [LoggerMessage(3, LogLevel.Information, "Registered {Value}")]
            public static partial void RegisteredValue(ILogger logger, string value);

            public static partial void Registered(ILogger logger, string email) { }
            public static partial void RegisteredClassified(ILogger logger, string email) { }
            public static partial void RegisteredValue(ILogger logger, string value) { }
        }
        class Users
        {
            void Add(ILogger logger, string email, [PersonalData] string contact)
            {
                Log.Registered(logger, email);
                Log.RegisteredClassified(logger, contact);
                Log.RegisteredValue(logger, {|NP1001:email|});
            }
        }
        """);

    [Fact]
    public Task ClassifiedMember_PassedToILogger_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using Nonprofit.Privacy.Compliance;
        class Beneficiary { [PersonalData] public string Code { get; set; } = ""; }
        class Claims
        {
            void Check(ILogger logger, Beneficiary beneficiary) => logger.LogWarning("Claim for {Code}", {|NP1001:beneficiary.Code|});
        }
        """);

    [Fact]
    public Task ConfiguredNamesAndSinks_Reports() => Verify<LogAnalyzer>.AnalyzerAsync("""
        class AuditBroker { public void Record(string what, string subject) { } }
        class Claims
        {
            void Check(AuditBroker audit, string beneficiaryCode, string caseRef, string email)
            {
                audit.Record("checked", {|NP1001:beneficiaryCode|});
                audit.Record("checked", {|NP1001:caseRef|});
                audit.Record("checked", email.Length.ToString());
            }
        }
        """,
        "nonprofit_privacy.personal_data_names = beneficiaryCode, caseRef\nnonprofit_privacy.log_sinks = AuditBroker.Record\n");

    [Fact]
    public Task ExcludedName_DoesNotReport() => Verify<LogAnalyzer>.AnalyzerAsync("""
        using System;
        class Letters
        {
            void Print(string returnAddress) => Console.WriteLine(returnAddress);
        }
        """,
        "nonprofit_privacy.non_personal_names = returnAddress\n");

    [Fact]
    public Task GeneratedCode_DoesNotReport() => Verify<LogAnalyzer>.AnalyzerAsync("""
        // <auto-generated/>
        using System;
        class Generated
        {
            void Print(string email) => Console.WriteLine(email);
        }
        """);
}
