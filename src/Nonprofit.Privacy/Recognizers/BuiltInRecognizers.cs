using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>Creates the embedded, offline recognizers.</summary>
internal static class BuiltInRecognizers
{
    public static IEnumerable<IPiiRecognizer> Create(PiiDetectorOptions options)
    {
        yield return new WebRecognizer();
        yield return new NumericRecognizer(options.DefaultRegions);
        yield return new IdentifierRecognizer();
        yield return new PatternRecognizer();
        if (options.EnableNameAndPlaceRecognizers)
        {
            yield return new NameAndPlaceRecognizer();
        }
    }
}
