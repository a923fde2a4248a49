namespace FarmerChat.Advisory.Api;

/// <summary><c>POST /api/ask</c>.</summary>
internal sealed record AskRequest(string? Question, string? ProfileId = null, string? Language = null);

/// <summary><c>POST /api/profile</c>: free text is fine, only the crop, region and language words are kept.</summary>
internal sealed record ProfileRequest(string? Crop = null, string? Region = null, string? Language = null, string? ProfileId = null);

/// <summary><c>POST /api/adoption</c>: the farmer's answer to "did you try it?".</summary>
internal sealed record AdoptionRequest(string? DocumentId, bool Adopted, string? ProfileId = null, string? Language = null);

/// <summary>The reply to an adoption report.</summary>
internal sealed record AdoptionResponse(bool Recorded, string Message);
