using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>
/// Creates <see cref="CtgMonitor"/>s (one per recording) with the registered options, clock, logger and meter factory;
/// registered by <c>AddNonprofitMonitoring</c>.
/// </summary>
public sealed class CtgMonitorFactory
{
    private readonly CtgMonitorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CtgMonitor>? _logger;
    private readonly IMeterFactory? _meterFactory;

    /// <summary>Initializes a factory.</summary>
    /// <param name="options">The monitor options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The monitors' logger, or <see langword="null"/>.</param>
    /// <param name="meterFactory">The meter factory, or <see langword="null"/> for the process-wide meter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public CtgMonitorFactory(IOptions<CtgMonitorOptions> options, TimeProvider? timeProvider = null, ILogger<CtgMonitor>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value ?? throw new ArgumentNullException(nameof(options));
        if (value.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = value.Clone();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger;
        _meterFactory = meterFactory;
    }

    /// <summary>Creates a monitor for a new recording.</summary>
    /// <param name="recordingStart">When the first sample was recorded; the clock's time at the first sample when <see langword="null"/>.</param>
    /// <returns>The monitor; dispose it when the recording ends.</returns>
    public CtgMonitor Create(DateTimeOffset? recordingStart = null) => new(_options, _timeProvider, recordingStart, _logger, _meterFactory);
}
