namespace FarmerChat.Advisory.Profiles;

/// <summary>
/// What the assistant remembers about a farmer: an anonymous id (a random GUID), the main crop, the region and the
/// language — each from a fixed vocabulary, so no name, phone number or village can be stored.
/// </summary>
internal sealed record FarmerProfile(string Id, string? Crop, string? Region, string? Language);
