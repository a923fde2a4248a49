using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sophia.Chatbot.Evidence;
using Sophia.Chatbot.Hosting;
using Sophia.Chatbot.Indicators;

namespace Sophia.Chatbot.Endpoints;

/// <summary>A request to an evidence safe: the passphrase, and what to add.</summary>
internal sealed record EvidenceRequest(string? Passphrase, string? Text = null, string? FileName = null, string? MediaType = null, string? ContentBase64 = null);

/// <summary>
/// The evidence safe API (the content's <see cref="EvidenceSafe"/>): create a safe, add a note or a file, list the items
/// (metadata only), export the bundle for a lawyer. Each safe is one encrypted file named by a random id in
/// <see cref="SophiaOptions.EvidenceFolder"/>; the passphrase comes in the request body, is used for that request only,
/// and is never stored or logged.
/// </summary>
internal static class EvidenceEndpoints
{
    /// <summary>Maps the endpoints under <c>/api/evidence</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var evidence = api.MapGroup("/evidence");

        evidence.MapPost("/", async (EvidenceRequest? request, IOptions<SophiaOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(request?.Passphrase) || request.Passphrase.Length < 8)
            {
                return Results.BadRequest(new { error = "The passphrase needs at least 8 characters." });
            }

            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Directory.CreateDirectory(options.Value.EvidenceFolder);
            using var safe = await EvidenceSafe.CreateAsync(PathOf(options.Value, id), request.Passphrase, new EvidenceSafeOptions { Iterations = options.Value.EvidenceKdfIterations }, time, cancellationToken);
            return Results.Ok(new { safeId = id });
        });

        evidence.MapPost("/{id}/notes", (string id, EvidenceRequest? request, IOptions<SophiaOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
            WithSafeAsync(id, request, options.Value, time, async safe =>
                string.IsNullOrWhiteSpace(request!.Text)
                    ? Results.BadRequest(new { error = "A note needs text." })
                    : Results.Ok(await safe.AddNoteAsync(request.Text, cancellationToken)), cancellationToken));

        evidence.MapPost("/{id}/files", (string id, EvidenceRequest? request, IOptions<SophiaOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
            WithSafeAsync(id, request, options.Value, time, async safe =>
            {
                var content = new byte[((request!.ContentBase64?.Length ?? 0) * 3 / 4) + 3];
                if (string.IsNullOrWhiteSpace(request.FileName) || !Convert.TryFromBase64String(request.ContentBase64 ?? "", content, out var length) || length == 0)
                {
                    return Results.BadRequest(new { error = "A file needs a name and base64 content." });
                }

                return Results.Ok(await safe.AddFileAsync(Path.GetFileName(request.FileName), request.MediaType, content.AsMemory(0, length), cancellationToken));
            }, cancellationToken));

        evidence.MapPost("/{id}/items", (string id, EvidenceRequest? request, IOptions<SophiaOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
            WithSafeAsync(id, request, options.Value, time, safe => Task.FromResult(Results.Ok(safe.Items)), cancellationToken));

        evidence.MapPost("/{id}/export", (string id, EvidenceRequest? request, IOptions<SophiaOptions> options, TimeProvider time, SophiaIndicators indicators, CancellationToken cancellationToken) =>
            WithSafeAsync(id, request, options.Value, time, async safe =>
            {
                var bundle = Path.Combine(Path.GetTempPath(), "sophia-bundle-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".zip");
                try
                {
                    var receipt = await safe.ExportBundleAsync(bundle, cancellationToken);
                    var bytes = await File.ReadAllBytesAsync(bundle, cancellationToken);
                    indicators.Referral(SophiaIndicators.ReferralLegal);
                    return Results.File(bytes, "application/zip", "evidence-bundle-" + receipt.Fingerprint[..12] + ".zip");
                }
                finally
                {
                    File.Delete(bundle);
                }
            }, cancellationToken));
    }

    private static async Task<IResult> WithSafeAsync(
        string id, EvidenceRequest? request, SophiaOptions options, TimeProvider time, Func<EvidenceSafe, Task<IResult>> action, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower) || !File.Exists(PathOf(options, id)))
        {
            return Results.NotFound();
        }

        if (string.IsNullOrEmpty(request?.Passphrase))
        {
            return Results.BadRequest(new { error = "The passphrase is required." });
        }

        try
        {
            using var safe = await EvidenceSafe.OpenAsync(PathOf(options, id), request.Passphrase, time, cancellationToken);
            return await action(safe);
        }
        catch (EvidenceSafeWrongPassphraseException)
        {
            return Results.Json(new { error = "The passphrase does not open this safe." }, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (EvidenceSafeTamperedException)
        {
            return Results.Json(new { error = "The safe was altered or damaged." }, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static string PathOf(SophiaOptions options, string id) => Path.Combine(options.EvidenceFolder, id + ".safe");
}
