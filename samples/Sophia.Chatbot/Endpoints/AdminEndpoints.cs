using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Hosting;
using Sophia.Chatbot.Indicators;

namespace Sophia.Chatbot.Endpoints;

/// <summary>
/// The admin endpoints, behind the configured API key (<c>X-Api-Key</c> header; 401 without it, or always when no key
/// is configured): anonymous indicator totals, the IATI 2.03 export, and the counsellors' hand-over queue (conversation
/// id, crisis categories, language; text only if the user shared it).
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The header that carries the key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Maps the endpoints under <c>/admin</c>.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.AddEndpointFilter(async (context, next) =>
            Authorised(context.HttpContext) ? await next(context) : Results.Unauthorized());

        admin.MapGet("/indicators", (SophiaIndicators indicators) => Results.Ok(indicators.Totals()));

        admin.MapGet("/iati", async (HttpContext context, SophiaIndicators indicators) =>
        {
            using var buffer = new MemoryStream();
            await indicators.ExportIatiAsync(buffer, context.RequestAborted);
            return Results.Bytes(buffer.ToArray(), "application/xml", "sophia-iati-activities.xml");
        });

        admin.MapGet("/handover", (HandoverQueue handover) => Results.Ok(handover.Waiting()));
    }

    private static bool Authorised(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<SophiaOptions>>().Value.AdminApiKey;
        if (string.IsNullOrEmpty(expected) || !context.Request.Headers.TryGetValue(ApiKeyHeader, out var given) || given.Count != 1)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given[0] ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
