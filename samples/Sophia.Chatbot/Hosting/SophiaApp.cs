using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Endpoints;
using Sophia.Chatbot.Indicators;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Hosting;

/// <summary>Builds the web app: services, the guarded chat pipeline, security headers, static page and API endpoints.</summary>
internal static class SophiaApp
{
    /// <summary>The address used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the app; <paramref name="configure"/> lets tests replace services (the model, time, logging).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSophiaSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();
        var api = app.MapGroup("/api").RequireRateLimiting(HttpRateLimiting.PerClient);
        ChatEndpoints.Map(api);
        EvidenceEndpoints.Map(api);
        AdminEndpoints.Map(app.MapGroup("/admin"));
        var store = app.Services.GetRequiredService<ConversationStore>();
        var handover = app.Services.GetRequiredService<HandoverQueue>();
        store.Ended += handover.Forget;
        return app;
    }

    /// <summary>The app's services (also used by the console demo).</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SophiaOptions>().Bind(configuration.GetSection(SophiaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(SophiaModel.FromConfiguration(configuration));
        services.AddSingleton<SophiaIndicators>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<HandoverQueue>();
        services.AddSingleton<ICrisisEscalation>(sp => sp.GetRequiredService<HandoverQueue>());
        services.AddSingleton<ChatTurns>();
        services.AddNonprofitGuards(SophiaGuards.Configure);
        services.AddOptions<OutputSafetyDetectorOptions>().Configure<SophiaKnowledgeBase>(SophiaGuards.ConfigureOutputSafety);
        SophiaContent.Add(services);
        services.AddChatClient(sp => sp.GetRequiredService<SophiaModel>() is { IsOffline: false } remote ? remote.CreateRemote() : SophiaContent.OfflineResponder(sp))
            .UseNonprofitGuards();
        services.AddSophiaRateLimiting();
    }

    /// <summary>The addresses the server listens on (after start).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }
}
