using Nonprofit.Analyzers.Exceptions;

namespace Nonprofit.Analyzers.Tests.Exceptions;

public sealed class ExceptionMessageAnalyzerTests
{
    [Fact]
    public Task PersonalDataInMessage_Reports() => Verify<ExceptionMessageAnalyzer>.AnalyzerAsync("""
        using System;
        class Beneficiary { public string Phone { get; set; } = ""; public string NhsNumber { get; set; } = ""; }
        class CaseNotFoundException : Exception { public CaseNotFoundException(string message) : base(message) { } }
        class Cases
        {
            void Find(Beneficiary beneficiary)
            {
                throw new InvalidOperationException($"No case for {{|NP1002:beneficiary.Phone|}}");
            }

            void Find2(Beneficiary beneficiary) => throw new CaseNotFoundException("No case for " + {|NP1002:beneficiary.NhsNumber|});
        }
        """);

    [Fact]
    public Task NamesIdsAndParamNames_DoNotReport() => Verify<ExceptionMessageAnalyzer>.AnalyzerAsync("""
        using System;
        class Cases
        {
            void Find(string email, int caseId, Exception inner)
            {
                if (email.Length == 0) throw new ArgumentException("The e-mail address is empty.", nameof(email));
                if (caseId < 0) throw new ArgumentOutOfRangeException(nameof(caseId), caseId, "Negative case id.");
                throw new InvalidOperationException($"Case {caseId} failed.", inner);
            }
        }
        """);
}
