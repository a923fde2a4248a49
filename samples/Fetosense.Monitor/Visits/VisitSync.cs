using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Fetosense.Monitor.Visits;

/// <summary>
/// Store-and-forward upload of visits to a clinic endpoint: each pending visit is POSTed with its id as the
/// <c>Idempotency-Key</c> header, retried with exponential backoff, and marked synced only after a 2xx (or 409, "already
/// have it"). A visit sent whose answer was lost is sent again with the same key, so the clinic can keep it once.
/// </summary>
/// <param name="http">The HTTP client.</param>
/// <param name="endpoint">The clinic's visits URL.</param>
/// <param name="timeProvider">The clock of the backoff.</param>
/// <param name="maxAttempts">Attempts per visit in one run before giving up until the next run.</param>
/// <param name="firstDelay">The first backoff (doubled after each failure).</param>
internal sealed class VisitSync(HttpClient http, Uri endpoint, TimeProvider timeProvider, int maxAttempts = 4, TimeSpan? firstDelay = null)
{
    /// <summary>The header that carries the visit id.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Sends every pending visit, oldest first; stops at the first visit that keeps failing (order is kept).</summary>
    public async Task<SyncResult> SyncAsync(VisitStore store, CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var visit in pending)
        {
            if (!await SendAsync(visit, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            await store.MarkSyncedAsync(visit.Id, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            sent++;
        }

        return new SyncResult(sent, pending.Count - sent);
    }

    private async Task<bool> SendAsync(Visit visit, CancellationToken cancellationToken)
    {
        var delay = firstDelay ?? TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = new StringContent(visit.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.Add(IdempotencyHeader, visit.Id);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Connection refused, reset or aborted: the clinic may or may not have the visit; retry with the same key.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's timeout.
            }

            if (attempt >= maxAttempts)
            {
                return false;
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }
}
