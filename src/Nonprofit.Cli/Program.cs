using System;
using System.Threading;
using Nonprofit.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await NonprofitCli.InvokeAsync(args, CliConsole.System, cancellation.Token).ConfigureAwait(false);
