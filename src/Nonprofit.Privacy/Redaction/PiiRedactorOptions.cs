using System.Collections.Generic;

namespace Nonprofit.Privacy;

/// <summary>Options of a <see cref="PiiRedactor"/>.</summary>
public sealed class PiiRedactorOptions
{
    /// <summary>Gets or sets the operator for types without their own in <see cref="Operators"/>.</summary>
    /// <value>The default is <see cref="RedactionOperator.Placeholder"/>.</value>
    public RedactionOperator DefaultOperator { get; set; } = RedactionOperator.Placeholder;

    /// <summary>Gets the operator per entity type name, for example <c>["CREDIT_CARD"] = RedactionOperator.KeepLast(4)</c>.</summary>
    public IDictionary<string, RedactionOperator> Operators { get; } = new Dictionary<string, RedactionOperator>(System.StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the HMAC-SHA256 key of <see cref="RedactionOperator.KeyedHash"/> (at least 32 bytes). Load it from
    /// a secret store, never from source code.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the keyed hash operator cannot be used.</value>
#pragma warning disable CA1819 // A key is naturally a byte array; it is copied when the redactor is built.
    public byte[]? HashKey { get; set; }
#pragma warning restore CA1819

    /// <summary>Gets or sets the pseudonym scope used when a call names none.</summary>
    /// <value>The default is <c>"default"</c>.</value>
    public string DefaultScope { get; set; } = "default";
}

/// <summary>Validates <see cref="PiiRedactorOptions"/> when the options are first used or at start-up, as the redactor's constructor does.</summary>
internal sealed class PiiRedactorOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<PiiRedactorOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, PiiRedactorOptions options) =>
        PiiRedactor.ValidationError(options) is { } error
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(error)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
