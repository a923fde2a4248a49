using Fetosense.Monitor.Visits;

namespace Fetosense.Monitor.Tests;

/// <summary>Store-and-forward: a sync killed mid-way and resumed leaves each visit at the clinic exactly once.</summary>
public sealed class VisitSyncTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fetosense-sync-").FullName;
    private VisitStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await VisitStore.OpenAsync(Path.Combine(_dir, "visits.db"), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await _store.AddAsync(new Visit(VisitStore.NewId(), new DateTimeOffset(2026, 11, 29, 8, i, 0, TimeSpan.Zero), $"{{\"n\":{i}}}", null), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static VisitSync Sync(HttpClient http, Uri url) => new(http, url, TimeProvider.System, maxAttempts: 3, firstDelay: TimeSpan.Zero);

    [Fact]
    public async Task AnswerLostAfterTheClinicStored_ThenNetworkDown_ResumedSync_EachVisitExactlyOnce()
    {
        using var server = new ClinicServer();
        var network = new FlakyNetwork(answersBeforeFailure: 4);
        using var http = new HttpClient(network);

        var first = await Sync(http, server.Url).SyncAsync(_store, CancellationToken.None);

        // Four acknowledged; the fifth reached the clinic but its answer was lost, so it is still pending on the device.
        Assert.Equal(new SyncResult(4, 6), first);
        Assert.Equal(5, server.Visits.Count);
        Assert.Equal(6, (await _store.PendingAsync(CancellationToken.None)).Count);

        network.Heal();
        var second = await Sync(http, server.Url).SyncAsync(_store, CancellationToken.None);

        Assert.Equal(new SyncResult(6, 0), second);
        var all = await _store.AllAsync(CancellationToken.None);
        Assert.Equal(all.Select(v => v.Id).Order(), server.Visits.Keys.Order());
        Assert.All(server.Stores.Values, n => Assert.Equal(1, n));
        Assert.All(all, v => Assert.Equal(v.Payload, server.Visits[v.Id]));
        Assert.All(all, v => Assert.NotNull(v.SyncedAt));

        // The fifth visit reached the clinic twice with the same key: the key is what kept it single.
        Assert.Equal(2, server.Requests.Count(k => k == all[4].Id));
    }

    [Fact]
    public async Task DeviceKilledMidSync_ResumedSync_NothingLostNothingDoubled()
    {
        using var server = new ClinicServer();
        using var cancel = new CancellationTokenSource();
        using var http = new HttpClient(new CancelAfter(3, cancel));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sync(http, server.Url).SyncAsync(_store, cancel.Token));
        var pending = (await _store.PendingAsync(CancellationToken.None)).Count;
        Assert.Equal(7, pending);

        using var fresh = new HttpClient();
        var resumed = await Sync(fresh, server.Url).SyncAsync(_store, CancellationToken.None);
        Assert.Equal(new SyncResult(pending, 0), resumed);
        Assert.Equal(10, server.Visits.Count);
        Assert.All(server.Stores.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ClinicUnreachable_VisitsStayOnTheDevice()
    {
        using var server = new ClinicServer();
        var url = server.Url;
        server.Dispose();
        using var http = new HttpClient();

        var result = await Sync(http, url).SyncAsync(_store, CancellationToken.None);

        Assert.Equal(new SyncResult(0, 10), result);
        Assert.Equal(10, (await _store.PendingAsync(CancellationToken.None)).Count);
    }

    /// <summary>
    /// Lets <c>answersBeforeFailure</c> answers through; the next request reaches the clinic but its answer is lost, and
    /// then the network is down (every request fails before leaving the device) until <see cref="Heal"/>.
    /// </summary>
    private sealed class FlakyNetwork(int answersBeforeFailure) : DelegatingHandler(new HttpClientHandler())
    {
        private int _answers;
        private bool _down;

        public void Heal() => _down = false;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_down)
            {
                throw new HttpRequestException("network down");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (_answers++ == answersBeforeFailure)
            {
                response.Dispose();
                _down = true;
                throw new HttpRequestException("connection reset before the answer");
            }

            return response;
        }
    }

    /// <summary>Lets <c>n</c> requests through, then kills the device (cancels) while the next one is in flight.</summary>
    private sealed class CancelAfter(int n, CancellationTokenSource cancel) : DelegatingHandler(new HttpClientHandler())
    {
        private int _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, CancellationToken.None);
            if (Interlocked.Increment(ref _count) > n)
            {
                await cancel.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return response;
        }
    }
}
