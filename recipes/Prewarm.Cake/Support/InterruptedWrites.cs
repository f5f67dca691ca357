using System.Runtime.InteropServices;
using Prewarm.Core.IO;

namespace Prewarm.Cake.Support;

/// <summary>
/// On Ctrl-C or SIGTERM, outputs stop being written before the runtime terminates the process: the
/// write in progress finishes, a later one is refused. Without this, the task that goes on once its
/// tool was killed (the host kills the tools it started) can be cut off between writing a temporary
/// file and renaming it, leaving the temporary behind.
/// </summary>
internal static class InterruptedWrites
{
    private static readonly Lazy<PosixSignalRegistration[]> Registrations = new(() =>
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal =>
            PosixSignalRegistration.Create(signal, _ => AtomicFile.Stop(TimeSpan.FromSeconds(5))))]);

    /// <summary>Registers the handlers once per process; they live as long as it does.</summary>
    public static void Install() => _ = Registrations.Value;
}
