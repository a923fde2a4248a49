using System.Text;
using CsCheck;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Impact.Tests.Iati;

public class IatiImporterTests
{
    private const string Secret = "SECRET-4711";

    /// <summary>A minimal activity file; <paramref name="indicator"/> is the content of the one indicator.</summary>
    private static string Minimal(string indicator, string measure = "1") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <iati-activities version="2.03">
         <iati-activity xml:lang="en">
          <iati-identifier>XM-EXAMPLE-1-A</iati-identifier>
          <reporting-org ref="XM-EXAMPLE-1" type="22"><narrative>Org</narrative></reporting-org>
          <title><narrative>Activity</narrative></title>
          <result type="1">
           <title><narrative>Result</narrative></title>
           <indicator measure="{measure}">
            <title><narrative>Indicator</narrative></title>
        {indicator}
           </indicator>
          </result>
         </iati-activity>
        </iati-activities>
        """;

    private static int LineOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker {marker} not found");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    private static Task<ResultsFramework> ImportAsync(string xml) => IatiImporter.ReadAsync(new StringReader(xml));

    [Fact]
    public async Task Minimal_Imports()
    {
        var framework = await ImportAsync(Minimal("""<baseline year="2020" value="5"><dimension name="sex" value="female"/></baseline>"""));

        var indicator = Assert.Single(framework.EnumerateIndicators());
        Assert.Equal("r1.i1", indicator.Id);
        Assert.Equal("5", indicator.Baseline!.Value);
        Assert.Equal(["female"], Assert.Single(indicator.Dimensions).AllowedValues);
        Assert.Equal("", framework.Activities[0].Status); // absent, not invented
    }

    [Fact]
    public async Task SecondBaseline_ThrowsNamingItsLine()
    {
        var xml = Minimal("""
                <baseline year="2020" value="5"/>
                <baseline year="2021" value="7"/>
            """);

        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(xml));

        var line = LineOf(xml, "<baseline year=\"2021\"");
        Assert.Equal(line, ex.LineNumber);
        Assert.Contains($"line {line}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("baseline", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedFile_ThrowsFormatExceptionWithLineAndPosition()
    {
        var text = await File.ReadAllTextAsync(IatiFixtures.Example(IatiExampleRoundTripTests.Annotated));
        var cut = text.IndexOf("<period>", StringComparison.Ordinal) + 3;

        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(text[..cut]));

        Assert.True(ex.LineNumber >= LineOf(text, "<period>"), $"line {ex.LineNumber}");
        Assert.True(ex.LinePosition > 0);
        Assert.Matches(@"\(line \d+, position \d+\)", ex.Message);
    }

    [Fact]
    public async Task MismatchedTag_ThrowsAtItsLine()
    {
        var xml = Minimal("""<baseline year="2020" value="5"></basline>""");

        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(xml));

        Assert.Equal(LineOf(xml, "</basline>"), ex.LineNumber);
    }

    [Theory]
    [InlineData("""<period><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><actual value="SECRET-4711"/></period>""", "1", "actual/@value")]
    [InlineData("""<baseline year="SECRET-4711"/>""", "1", "baseline/@year")]
    [InlineData("""<baseline year="2020" iso-date="SECRET-4711"/>""", "1", "baseline/@iso-date")]
    [InlineData("""<period><period-start iso-date="2024-01-01"/><period-end iso-date="2023-12-31"/></period>""", "1", "period-end is before")]
    [InlineData("""<period><period-start iso-date="2024-01-01"/></period>""", "1", "period-end")]
    [InlineData("""<reference vocabulary="9" code="SECRET-4711"/>""", "1", "indicator/reference/@code")]
    [InlineData("""<baseline year="2020"><dimension name="sex"/></baseline>""", "1", "dimension/@value")]
    [InlineData("""<baseline year="2020"><location/></baseline>""", "1", "location/@ref")]
    [InlineData("", "SECRET-4711", "indicator/@measure")]
    [InlineData("", "7", "indicator/@measure")]
    public async Task InvalidContent_ThrowsNamingTheElementAndLine_WithoutQuotingValues(string indicator, string measure, string expected)
    {
        var xml = Minimal(indicator, measure);

        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(xml));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.LineNumber > 1, ex.Message);
    }

    [Theory]
    [InlineData("", "not well-formed")]
    [InlineData("<activities version=\"2.03\"/>", "root element must be iati-activities")]
    [InlineData("<iati-activities version=\"1.05\"><iati-activity/></iati-activities>", "version")]
    [InlineData("<iati-activities version=\"2.03\"></iati-activities>", "no iati-activity")]
    [InlineData("<iati-activities version=\"2.03\"><iati-activity><reporting-org ref=\"X\" type=\"1\"/></iati-activity></iati-activities>", "no iati-identifier")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"SECRET-4711\">]><iati-activities version=\"2.03\">&e;</iati-activities>", "not well-formed")]
    public async Task NotAnActivityFile_ThrowsFormatException(string xml, string expected)
    {
        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(xml));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateLocationRef_Throws()
    {
        var xml = Minimal("").Replace(
            "<result type=\"1\">",
            "<location ref=\"KE-47\"/>\n  <location ref=\"KE-47\"/>\n  <result type=\"1\">",
            StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<IatiFormatException>(() => ImportAsync(xml));

        Assert.Contains("location/@ref", ex.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(xml, "<location ref=\"KE-47\"/>") + 1, ex.LineNumber);
    }

    [Fact]
    public async Task Cancellation_IsObserved()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await using var stream = File.OpenRead(IatiFixtures.Example(IatiExampleRoundTripTests.GdiHub));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IatiImporter.ReadAsync(stream, cts.Token));
    }

    [Theory]
    [InlineData(IatiExampleRoundTripTests.Annotated)]
    [InlineData(IatiExampleRoundTripTests.GdiHub)]
    public async Task RandomTruncation_GivesTheWholeFrameworkOrFormatException(string fileName)
    {
        var bytes = await File.ReadAllBytesAsync(IatiFixtures.Example(fileName));
        var whole = ResultsFrameworkJson.Serialize(await IatiFixtures.ImportAsync(bytes));
        var rootEnd = Encoding.UTF8.GetString(bytes).LastIndexOf("</iati-activities>", StringComparison.Ordinal) + "</iati-activities>".Length;
        var truncations = 0;

        await Gen.Int[0, bytes.Length - 1].SampleAsync(async length =>
        {
            ResultsFramework framework;
            try
            {
                framework = await IatiFixtures.ImportAsync(bytes[..length]);
            }
            catch (FormatException ex)
            {
                Assert.IsType<IatiFormatException>(ex);
                Interlocked.Increment(ref truncations);
                return;
            }

            // Only a cut after the root's end tag (in trailing whitespace) may still read, and then it reads everything.
            Assert.True(length >= rootEnd, $"a file cut at byte {length} of {bytes.Length} was read");
            Assert.Equal(whole, ResultsFrameworkJson.Serialize(framework));
        }, iter: 300, threads: 1);

        Assert.True(truncations > 250, $"{truncations} truncations were rejected");
    }

    [Fact]
    public async Task RandomByteChanges_GiveAValidFrameworkOrFormatException()
    {
        var bytes = await File.ReadAllBytesAsync(IatiFixtures.Example(IatiExampleRoundTripTests.Annotated));
        var changes = Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 4];

        await changes.SampleAsync(async edits =>
        {
            var copy = (byte[])bytes.Clone();
            foreach (var (index, value) in edits)
            {
                copy[index] = value;
            }

            try
            {
                var framework = await IatiFixtures.ImportAsync(copy);
                Assert.Empty(framework.Validate());
            }
            catch (FormatException ex)
            {
                Assert.IsType<IatiFormatException>(ex);
            }
        }, iter: 500, threads: 1);
    }
}
