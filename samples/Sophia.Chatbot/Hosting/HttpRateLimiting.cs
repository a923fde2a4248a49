using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sophia.Chatbot.Hosting;

/// <summary>Rate limiting of API requests per client address (ASP.NET Core's rate limiter, a fixed window per address; 429 beyond it).</summary>
internal static class HttpRateLimiting
{
    /// <summary>The policy name the API endpoints require.</summary>
    public const string PerClient = "per-client";

    /// <summary>Registers the policy from <see cref="SophiaOptions"/>.</summary>
    public static IServiceCollection AddSophiaRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClient, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<SophiaOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerWindow,
                    Window = options.RequestWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
