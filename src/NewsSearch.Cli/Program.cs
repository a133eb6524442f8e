using System.Runtime.InteropServices;

namespace NewsSearch.Cli;

/// <summary>The <c>newssearch</c> program.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C asks the running command to stop cleanly; a second one ends the process.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        // A plain kill (SIGTERM) stops as cleanly as Ctrl-C: what was indexed so far is committed.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                signal.Cancel = true;
                cancellation.Cancel();
            }
        });
        return CliApp.Run(args, CliContext.FromProcess(cancellation.Token));
    }
}
