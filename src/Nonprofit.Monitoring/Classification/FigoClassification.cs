using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>The FIGO 2015 category of a CTG and the reasons for it, from <see cref="FigoClassifier"/>.</summary>
/// <param name="Category">The category.</param>
/// <param name="Reasons">Every rule that fired, pathological first, then suspicious, then informational notes; empty for a plainly normal CTG.</param>
public sealed record FigoClassification(FigoCategory Category, IReadOnlyList<FigoReason> Reasons);
