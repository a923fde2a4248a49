using System.Text.Json;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Profiles;

/// <summary>
/// Farmer profiles in one small JSON file under the data folder (written whole to a temporary file, then moved in
/// place). Only <see cref="FarmerProfile"/>'s vocabulary values are kept: see <see cref="ProfileVocabulary"/>.
/// </summary>
internal sealed class ProfileStore
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly string _path;
    private readonly KnowledgeBase _knowledge;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FarmerProfile> _profiles;

    public ProfileStore(string dataFolder, KnowledgeBase knowledge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        Directory.CreateDirectory(dataFolder);
        _path = Path.Combine(dataFolder, "profiles.json");
        _profiles = File.Exists(_path)
            ? (JsonSerializer.Deserialize<List<FarmerProfile>>(File.ReadAllText(_path), s_json) ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
    }

    /// <summary>Gets the file.</summary>
    public string FilePath => _path;

    /// <summary>Creates a profile from what the farmer said (free text is reduced to the vocabulary).</summary>
    public FarmerProfile Create(string? crop, string? region, string? language) =>
        Save(new FarmerProfile(Guid.NewGuid().ToString("D"), ProfileVocabulary.FindCrop(crop, _knowledge), ProfileVocabulary.FindRegion(region), ProfileVocabulary.FindLanguage(language)));

    /// <summary>Updates the fields given (others kept); null when there is no such profile.</summary>
    public FarmerProfile? Update(string id, string? crop, string? region, string? language)
    {
        if (Get(id) is not { } profile)
        {
            return null;
        }

        return Save(profile with
        {
            Crop = ProfileVocabulary.FindCrop(crop, _knowledge) ?? profile.Crop,
            Region = ProfileVocabulary.FindRegion(region) ?? profile.Region,
            Language = ProfileVocabulary.FindLanguage(language) ?? profile.Language,
        });
    }

    /// <summary>The profile, or null (an unknown or malformed id).</summary>
    public FarmerProfile? Get(string? id)
    {
        if (id is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _profiles.GetValueOrDefault(id);
        }
    }

    private FarmerProfile Save(FarmerProfile profile)
    {
        lock (_gate)
        {
            _profiles[profile.Id] = profile;
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_profiles.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(), s_json));
            File.Move(temporary, _path, overwrite: true);
        }

        return profile;
    }
}
