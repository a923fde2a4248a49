using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Nonprofit.Analyzers.Urls;

namespace Nonprofit.Analyzers.Tests.Urls;

public sealed class UrlAnalyzerTests
{
    [Fact]
    public Task QueryStringsAndUrls_Report() => Verify<UrlAnalyzer>.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class Geocoder
        {
            private readonly HttpClient _http = new();
            Task<string> Find(string homeAddress, string email) =>
                _http.GetStringAsync($"https://geo.example.org/search?q={{|NP1006:homeAddress|}}&format=json");
            Task<HttpResponseMessage> Lookup(string email) => _http.GetAsync("https://crm.example.org/people?email=" + {|NP1006:email|});
            Uri Profile(string email) => new Uri({|NP1006:email|});
            string Relative(string phoneNumber) => $"/api/callers/{{|NP1006:phoneNumber|}}";
            Task<string> Safe(int caseId) => _http.GetStringAsync($"https://crm.example.org/cases/{caseId}");
            string Message(string email) => $"Hello {email}, welcome";
        }
        """);

    [Fact]
    public Task InterpolatedUrls_InEveryKindOfCode_Report() => Verify<UrlAnalyzer>.AnalyzerAsync("""
        using System;
        using System.Linq;
        using System.Text;
        class Links
        {
            private static readonly string Email = "team@example.org";
            private readonly string _link = $"mailto://{{|NP1006:Email|}}";
            public string Phone { get; set; } = "";
            public string Callback => $"https://sms.example.org/send?to={{|NP1006:Phone|}}";
            string[] All(string[] emails) => emails.Select(email => $"https://crm.example.org/?e={{|NP1006:email|}}").ToArray();
            string Local(string postcode)
            {
                string Build() => $"/api/areas/{{|NP1006:postcode|}}";
                var builder = new StringBuilder();
                builder.Append($"https://maps.example.org/?q={{|NP1006:postcode|}}");
                var encoded = Uri.EscapeDataString(postcode);
                return Build() + builder + $"https://x.example.org/{encoded}";
            }
        }
        """);

    [Fact]
    public Task RouteTemplates_Report() => Verify<UrlAnalyzer>.AnalyzerAsync("""
        using System;
        [AttributeUsage(AttributeTargets.All)] class RouteAttribute : Attribute { public RouteAttribute(string template) { } }
        [AttributeUsage(AttributeTargets.All)] class HttpGetAttribute : Attribute { public HttpGetAttribute(string template) { } }
        static class Endpoints { public static void MapGet(this object app, string pattern, Delegate handler) { } }
        [Route("api/volunteers")]
        class VolunteersController
        {
            [HttpGet({|NP1006:"by-email/{email}"|})]
            public string ByEmail(string email) => "";

            [HttpGet("{id:int}")]
            public string ById(int id) => "";

            void Map(object app) => app.MapGet({|NP1006:"/callers/{phoneNumber:alpha}"|}, (Func<string>)(() => ""));
        }
        """);

    [Fact]
    public Task FilePaths_Report() => Verify<UrlAnalyzer>.AnalyzerAsync("""
        using System.IO;
        class Reports
        {
            void Save(string fullName, string content, int caseId)
            {
                File.WriteAllText(Path.Combine("reports", {|NP1006:fullName|} + ".pdf"), content);
                using var stream = new FileStream({|NP1006:fullName|}, FileMode.Create);
                File.WriteAllText(Path.Combine("reports", caseId + ".pdf"), content);
            }
        }
        """);

    /// <summary>The allocation-free prefilter never rejects a string whose joined literal text looks like a URL.</summary>
    [Fact]
    public void MayLookLikeUrl_IsImpliedByLooksLikeUrl()
    {
        var parts = Gen.String[Gen.Char["ab:/?=pi x"], 0, 6].Array[1, 4];
        parts.Sample(texts =>
        {
            var interpolated = (InterpolatedStringExpressionSyntax)SyntaxFactory.ParseExpression("$\"" + string.Join("{x}", texts) + "\"");
            var concatenated = SyntaxFactory.ParseExpression(string.Join(" + x + ", texts.Select(t => "\"" + t + "\"")));
            var joined = string.Concat(texts);
            if (UrlAnalyzer.LooksLikeUrl(joined))
            {
                Assert.True(UrlAnalyzer.MayLookLikeUrl(interpolated), joined);
                Assert.True(UrlAnalyzer.MayLookLikeUrl(concatenated), joined);
            }

            Assert.Equal(UrlAnalyzer.LooksLikeUrl(UrlAnalyzer.LiteralText(interpolated)), UrlAnalyzer.LooksLikeUrl(joined));
        });
    }
}
