using System.Text.RegularExpressions;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Profiles;

/// <summary>
/// The only values a profile can hold: crops and animals of the knowledge base, regions of the countries Farmer.Chat
/// serves (Kenyan counties, Indian states, Nigerian states, Ethiopian regions), the four languages. Whatever else the
/// farmer typed (a name, a phone number, a village) is dropped, never stored.
/// </summary>
internal static class ProfileVocabulary
{
    private static readonly string[] s_regions =
    [
        // Kenya (counties)
        "Baringo", "Bomet", "Bungoma", "Busia", "Elgeyo-Marakwet", "Embu", "Garissa", "Homa Bay", "Isiolo", "Kajiado", "Kakamega", "Kericho",
        "Kiambu", "Kilifi", "Kirinyaga", "Kisii", "Kisumu", "Kitui", "Kwale", "Laikipia", "Lamu", "Machakos", "Makueni", "Mandera", "Marsabit",
        "Meru", "Migori", "Mombasa", "Murang'a", "Nairobi", "Nakuru", "Nandi", "Narok", "Nyamira", "Nyandarua", "Nyeri", "Samburu", "Siaya",
        "Taita-Taveta", "Tana River", "Tharaka-Nithi", "Trans Nzoia", "Turkana", "Uasin Gishu", "Vihiga", "Wajir", "West Pokot",
        // India (states)
        "Andhra Pradesh", "Assam", "Bihar", "Chhattisgarh", "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala",
        "Madhya Pradesh", "Maharashtra", "Odisha", "Punjab", "Rajasthan", "Tamil Nadu", "Telangana", "Uttar Pradesh", "Uttarakhand", "West Bengal",
        // Nigeria (states)
        "Abia", "Adamawa", "Akwa Ibom", "Anambra", "Bauchi", "Bayelsa", "Benue", "Borno", "Cross River", "Delta", "Ebonyi", "Edo", "Ekiti",
        "Enugu", "Gombe", "Imo", "Jigawa", "Kaduna", "Kano", "Katsina", "Kebbi", "Kogi", "Kwara", "Lagos", "Nasarawa", "Niger", "Ogun", "Ondo",
        "Osun", "Oyo", "Plateau", "Rivers", "Sokoto", "Taraba", "Yobe", "Zamfara",
        // Ethiopia (regions)
        "Afar", "Amhara", "Benishangul-Gumuz", "Gambela", "Harari", "Oromia", "Sidama", "Somali", "Tigray", "Addis Ababa", "Dire Dawa",
    ];

    /// <summary>The regions, longest first (so "West Pokot" wins over a shorter name inside it).</summary>
    public static IReadOnlyList<string> Regions { get; } = [.. s_regions.OrderByDescending(r => r.Length)];

    /// <summary>The first crop word of <paramref name="knowledge"/> found in <paramref name="text"/>, or null.</summary>
    public static string? FindCrop(string? text, KnowledgeBase knowledge) =>
        FindWord(text, knowledge.Documents.SelectMany(d => d.Crops).Where(c => c != "general").Distinct(StringComparer.Ordinal).OrderByDescending(c => c.Length));

    /// <summary>The first region found in <paramref name="text"/>, or null.</summary>
    public static string? FindRegion(string? text) => FindWord(text, Regions);

    /// <summary>The language if supported, else null.</summary>
    public static string? FindLanguage(string? text) => Languages.IsSupported(text?.Trim().ToLowerInvariant()) ? text!.Trim().ToLowerInvariant() : null;

    private static string? FindWord(string? text, IEnumerable<string> words) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : words.FirstOrDefault(w => Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(w)}(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
