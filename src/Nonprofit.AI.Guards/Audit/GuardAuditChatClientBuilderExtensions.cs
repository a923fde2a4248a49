using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="GuardAuditChatClient"/> to a chat pipeline.</summary>
public static class GuardAuditChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the audit trail of verdicts. The sink is <paramref name="sink"/>, else the <see cref="IGuardAuditSink"/>
    /// registered in the builder's services, else a <see cref="LoggerGuardAuditSink"/> on the registered
    /// <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; <see cref="GuardAuditOptions.HashKey"/> must be set.</param>
    /// <param name="sink">The sink, or <see langword="null"/> for the one in services or the logger default.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseGuardAudit(
        this ChatClientBuilder builder, GuardAuditOptions options, IGuardAuditSink? sink = null, Action<GuardAuditChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use((inner, services) =>
        {
            var client = new GuardAuditChatClient(inner, sink ?? DefaultSink(services), options, services.GetService<TimeProvider>(), services.GetService<ILogger<GuardAuditChatClient>>());
            configure?.Invoke(client);
            return client;
        });
    }

    internal static IGuardAuditSink DefaultSink(IServiceProvider services) =>
        services.GetService<IGuardAuditSink>()
        ?? new LoggerGuardAuditSink((services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<LoggerGuardAuditSink>());
}
