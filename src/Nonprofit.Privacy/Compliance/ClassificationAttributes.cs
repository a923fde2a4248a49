using System;
using Microsoft.Extensions.Compliance.Classification;

namespace Nonprofit.Privacy.Compliance;

/// <summary>Marks a member as <see cref="NonprofitTaxonomy.Personal"/> data.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public PersonalDataAttribute()
        : base(NonprofitTaxonomy.Personal)
    {
    }
}

/// <summary>Marks a member as <see cref="NonprofitTaxonomy.FreeText"/> that may contain personal data anywhere.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class FreeTextDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public FreeTextDataAttribute()
        : base(NonprofitTaxonomy.FreeText)
    {
    }
}

/// <summary>Marks a member as sensitive <see cref="NonprofitTaxonomy.Health"/> data.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class HealthDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public HealthDataAttribute()
        : base(NonprofitTaxonomy.Health)
    {
    }
}

/// <summary>Marks a member as sensitive <see cref="NonprofitTaxonomy.Violence"/> data.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class ViolenceDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public ViolenceDataAttribute()
        : base(NonprofitTaxonomy.Violence)
    {
    }
}

/// <summary>Marks a member as sensitive <see cref="NonprofitTaxonomy.Location"/> data.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class LocationDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public LocationDataAttribute()
        : base(NonprofitTaxonomy.Location)
    {
    }
}
