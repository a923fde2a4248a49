using System.Security.Cryptography;
using System.Text;
using Nonprofit.Impact;
using Nonprofit.Impact.Iati;

namespace FarmerChat.Advisory.Impact;

/// <summary>Records the assistant's indicators with Nonprofit.Impact's <see cref="ImpactRecorder"/> and exports them as IATI XML.</summary>
internal sealed class AdvisoryImpact : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ImpactRecorder _recorder;

    public AdvisoryImpact(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _recorder = new ImpactRecorder(AdvisoryIndicators.Framework(today, today).EnumerateIndicators(), time);
    }

    /// <summary>Gets the recorder (for reading totals).</summary>
    public ImpactRecorder Recorder => _recorder;

    /// <summary>One question: the farmer reached (by an anonymous number derived from the profile id), answered or declined, a follow-up or not.</summary>
    public void Question(string? profileId, string language, string? topic, bool answered, bool followUp)
    {
        Dimension[] byLanguage = [new(AdvisoryIndicators.LanguageDimension, language)];
        if (profileId is not null)
        {
            _recorder.Record(AdvisoryIndicators.FarmersReached, AnonymousNumber(profileId), byLanguage);
        }

        _recorder.Record(AdvisoryIndicators.AnswerRate, answered ? 100 : 0, byLanguage);
        if (answered && topic is not null)
        {
            _recorder.Record(AdvisoryIndicators.QuestionsAnswered, 1, [new(AdvisoryIndicators.LanguageDimension, language), new(AdvisoryIndicators.TopicDimension, topic)]);
        }

        if (followUp)
        {
            _recorder.Record(AdvisoryIndicators.FollowUps, 1, byLanguage);
        }
    }

    /// <summary>A farmer reports having tried the advice of a document of <paramref name="topic"/>.</summary>
    public void PracticeAdopted(string topic) =>
        _recorder.Record(AdvisoryIndicators.PracticesAdopted, 1, [new(AdvisoryIndicators.TopicDimension, topic)]);

    /// <summary>Writes IATI 2.03 activity XML with the actuals of every month from January of this year to this month.</summary>
    public async Task ExportIatiAsync(Stream destination, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var framework = FrameworkActuals.FromRecorder(AdvisoryIndicators.Framework(new DateOnly(today.Year, 1, 1), today), _recorder);
        await new IatiExporter().ExportAsync(framework, destination, cancellationToken);
    }

    /// <summary>Each indicator's total over the last twelve months (distinct farmers, sums, the mean answer rate).</summary>
    public IReadOnlyDictionary<string, double> Totals()
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        return _recorder.Indicators.ToDictionary(i => i.Id, i => _recorder.Total(i.Id, today.AddYears(-1), today).Value, StringComparer.Ordinal);
    }

    public void Dispose() => _recorder.Dispose();

    /// <summary>A number that identifies the profile for distinct counting and nothing else (the first 48 bits of its SHA-256).</summary>
    private static double AnonymousNumber(string profileId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(profileId), hash);
        return BitConverter.ToUInt64(hash) & 0xFFFF_FFFF_FFFF;
    }
}
