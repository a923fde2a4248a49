using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Guards;

/// <summary>
/// The output-safety settings of this app. Pesticide amounts: the knowledge base states none (it sends farmers to the
/// label and the extension officer), so a reply that gives any amount of a pesticide, per dose, per litre of spray
/// water or per hectare, goes beyond its sources and is blocked — expressed as <see cref="DosageLimit"/>s with a range
/// no real amount fits, next to the guard's default medicine limits. The hate check is off: the shipped hate model
/// flags ordinary vetted advice (measured on the knowledge base's own sentences at the default threshold 0.6: 33 of 353
/// Swahili, 21 of 333 French, 3 of 353 English, 1 of 339 Hindi), and every reply here must be grounded in the vetted
/// passages, which the groundedness check enforces.
/// </summary>
internal static class OutputSafetyPolicy
{
    /// <summary>Above any amount a reply could state and below none: 1 ng or 1 nl.</summary>
    private const double Nothing = 1e-6;

    private static readonly string[] s_pesticides =
    [
        "pesticides", "insecticide", "insecticides", "fungicide", "fungicides", "herbicide", "herbicides", "acaricide", "dewormer",
        "viuatilifu", "kiuatilifu", "dawa ya kuua wadudu", "कीटनाशक", "फफूंदनाशक", "खरपतवारनाशक",
        "produit phytosanitaire", "fongicide", "vermifuge",
        "cypermethrin", "lambda-cyhalothrin", "chlorpyrifos", "dimethoate", "malathion", "imidacloprid", "emamectin", "spinetoram",
        "chlorantraniliprole", "mancozeb", "metalaxyl", "copper oxychloride", "glyphosate", "atrazine", "carbofuran",
        "albendazole", "ivermectin",
    ];

    /// <summary>Applies the policy to the detector's options.</summary>
    public static void Configure(OutputSafetyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CheckHate = false;
        var limits = OutputSafetyDetectorOptions.DefaultDosageLimits();
        foreach (var unit in new[] { "mg", "ml", "mg/L", "ml/L", "mg/ha", "ml/ha" })
        {
            limits.Add(new DosageLimit("pesticide", unit, 0, Nothing, s_pesticides));
        }

        options.DosageLimits = limits;
    }
}
