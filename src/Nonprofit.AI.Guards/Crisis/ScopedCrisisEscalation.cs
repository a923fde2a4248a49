using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The app's <see cref="ICrisisEscalation"/> resolved in a DI scope of its own for each crisis, and that scope disposed
/// when the escalation ends. An escalation can outlive the reply (and so the request's scope, when the pipeline is built
/// per scope): resolved from the request's scope, a scoped escalation (or its scoped dependencies, such as a database
/// context) would be disposed under it.
/// </summary>
internal sealed class ScopedCrisisEscalation(IServiceScopeFactory scopes) : ICrisisEscalation
{
    public async ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await scope.ServiceProvider.GetRequiredService<ICrisisEscalation>().EscalateAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
