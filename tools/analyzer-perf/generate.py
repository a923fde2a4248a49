#!/usr/bin/env python3
"""Generates a C# project of about N lines (default 100,000) for the analyzer-overhead measurement.

Each file holds a record, a DTO, a service with ILogger calls, string building, JSON serialization, HttpClient
calls, exceptions, LINQ and plain arithmetic: the shapes the NP1xxx rules look at, in the proportions of a
business app (most code is not a sink). Deterministic: the same N gives the same sources.
"""
import os
import sys

TEMPLATE = '''using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Perf.Module{i};

public sealed record Member{i}(Guid Id, string DisplayCode, string Email, int Visits);

public sealed class Case{i}
{{
    public Guid Id {{ get; set; }}
    public string Category {{ get; set; }} = "";
    public string PhoneNumber {{ get; set; }} = "";
    public DateTime OpenedOn {{ get; set; }}
    public decimal Budget {{ get; set; }}
    public List<string> Tags {{ get; set; }} = new();
}}

public sealed class Service{i}
{{
    private readonly ILogger<Service{i}> _logger;
    private readonly HttpClient _http;
    private readonly Dictionary<Guid, Case{i}> _cases = new();

    public Service{i}(ILogger<Service{i}> logger, HttpClient http)
    {{
        _logger = logger;
        _http = http;
    }}

{methods}
}}
'''

METHOD = '''    public async Task<int> Process{i}_{m}(Member{i} member, string email, int count)
    {{
        var total = 0;
        for (var k = 0; k < count; k++)
        {{
            total += (k * {m}) % 7;
            if (total > 1000)
            {{
                total -= 1000;
            }}
        }}

        var builder = new StringBuilder();
        builder.Append("case-").Append(member.Id).Append('-').Append(total);
        var key = builder.ToString();
        _logger.LogInformation("Processed {{Key}} with {{Total}}", key, total);
        if (!_cases.TryGetValue(member.Id, out var current))
        {{
            current = new Case{i} {{ Id = member.Id, Category = "general", OpenedOn = DateTime.UtcNow }};
            _cases[member.Id] = current;
        }}

        current.Tags.Add(key);
        var ordered = _cases.Values.Where(c => c.Budget > {m}).OrderBy(c => c.OpenedOn).Select(c => c.Id).ToList();
        if (ordered.Count > count)
        {{
            throw new InvalidOperationException($"Too many cases: {{ordered.Count}} for module {i}");
        }}

        var json = JsonSerializer.Serialize(new {{ member.Id, total, ordered.Count }});
        var response = await _http.GetStringAsync($"https://api.example.org/modules/{i}/items/{{total}}");
        _logger.LogDebug("Response of {{Length}} characters, payload {{Payload}}", response.Length, json.Length);
        return total + response.Length + email.Length;
    }}
'''


def main():
    out = sys.argv[1]
    target = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    os.makedirs(out, exist_ok=True)
    lines = 0
    i = 0
    while lines < target:
        methods = "\n".join(METHOD.format(i=i, m=m) for m in range(6))
        text = TEMPLATE.format(i=i, methods=methods)
        with open(os.path.join(out, f"Module{i}.cs"), "w", encoding="utf-8") as f:
            f.write(text)
        lines += text.count("\n")
        i += 1
    print(f"{i} files, {lines} lines")


if __name__ == "__main__":
    main()
