using System.Net;
using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Api;

/// <summary>
/// The minimal HTTP API, on a loopback address only: <c>POST /api/ask</c>, <c>POST /api/profile</c>,
/// <c>POST /api/adoption</c>, <c>GET /api/impact/iati</c>. No request is logged (the framework's request logging is
/// off), so questions never reach a log.
/// </summary>
internal static class AdvisoryApi
{
    /// <summary>Builds the app listening on <paramref name="url"/> (http://127.0.0.1:PORT; port 0 picks a free one).</summary>
    /// <exception cref="ArgumentException">The URL is not an http URL on a loopback address.</exception>
    public static WebApplication Build(Advisor advisor, string url)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || !IPAddress.TryParse(uri.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("The API listens on a loopback address only, e.g. http://127.0.0.1:5080.", nameof(url));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();

        app.MapPost("/api/ask", async (AskRequest request, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > 2000
                ? Results.BadRequest(new { error = "question is required (at most 2000 characters)." })
                : Results.Ok(await advisor.AskAsync(request.Question, request.ProfileId, request.Language, cancellationToken)));

        app.MapPost("/api/profile", (ProfileRequest request) =>
        {
            if (request.ProfileId is null)
            {
                return Results.Ok(advisor.Profiles.Create(request.Crop, request.Region, request.Language));
            }

            var updated = advisor.Profiles.Update(request.ProfileId, request.Crop, request.Region, request.Language);
            return updated is null ? Results.NotFound(new { error = "no such profile." }) : Results.Ok(updated);
        });

        app.MapPost("/api/adoption", (AdoptionRequest request) =>
        {
            var language = Languages.IsSupported(request.Language) ? request.Language! : advisor.Profiles.Get(request.ProfileId)?.Language ?? Languages.English;
            return request.DocumentId is not null && advisor.ReportAdoption(request.DocumentId, request.Adopted)
                ? Results.Ok(new AdoptionResponse(true, Phrases.AdoptionThanks(language)))
                : Results.BadRequest(new { error = "documentId must be the documentId of an answer." });
        });

        app.MapGet("/api/impact/iati", async (CancellationToken cancellationToken) =>
        {
            using var xml = new MemoryStream();
            await advisor.Impact.ExportIatiAsync(xml, cancellationToken);
            return Results.Bytes(xml.ToArray(), "application/xml");
        });

        return app;
    }
}
