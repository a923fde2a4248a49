using Fetosense.Monitor;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await App.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, null, cancel.Token).ConfigureAwait(false);
