using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Cake.Core.IO;

namespace Prewarm.Frosting.Internal;

/// <summary>
/// Cake's process runner, plus: when the build is interrupted (Ctrl-C, SIGTERM from a CI
/// cancel), the tools it started are killed too. Otherwise an orphaned cargo keeps the target
/// directory's lock and an orphaned docker client keeps a build running, and the next run waits
/// on them. Outputs are written atomically elsewhere, so killing mid-way corrupts nothing.
/// The process-wide handlers are installed when the first tool starts, not when the host is put
/// together: <c>--tree</c>, <c>--description</c>, <c>--dryrun</c> and a run that starts no tool install none.
/// </summary>
internal sealed class SignalAwareProcessRunner : IProcessRunner, IDisposable
{
    private readonly IProcessRunner _inner;
    private readonly ConcurrentDictionary<TrackedProcess, byte> _live = new();
    private readonly Lazy<PosixSignalRegistration[]> _registrations;

    public SignalAwareProcessRunner(IProcessRunner inner)
    {
        _inner = inner;

        // The handler does not cancel the signal: after the children are gone the runtime
        // goes on to terminate this process as it normally would.
        _registrations = new(() =>
            [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))]);
    }

    /// <summary>Whether the signal handlers are installed (a tool was started).</summary>
    internal bool HandlesSignals => _registrations.IsValueCreated;

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        _ = _registrations.Value;
        var process = new TrackedProcess(_inner.Start(filePath, settings), this);
        _live.TryAdd(process, 0);
        return process;
    }

    public void Dispose()
    {
        if (_registrations.IsValueCreated)
        {
            Array.ForEach(_registrations.Value, r => r.Dispose());
        }
    }

    private void KillAll()
    {
        foreach (var process in _live.Keys)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }

    private void Forget(TrackedProcess process) => _live.TryRemove(process, out _);

    private sealed class TrackedProcess(IProcess inner, SignalAwareProcessRunner owner) : IProcess
    {
        public void WaitForExit()
        {
            inner.WaitForExit();
            owner.Forget(this);
        }

        public bool WaitForExit(int milliseconds)
        {
            var exited = inner.WaitForExit(milliseconds);
            if (exited)
            {
                owner.Forget(this);
            }

            return exited;
        }

        public int GetExitCode() => inner.GetExitCode();

        public IEnumerable<string> GetStandardError() => inner.GetStandardError();

        public IEnumerable<string> GetStandardOutput() => inner.GetStandardOutput();

        public void Kill() => inner.Kill();

        public void Dispose()
        {
            owner.Forget(this);
            inner.Dispose();
        }
    }
}
