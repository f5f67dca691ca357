using Cake.Core;

namespace Cake.Frosting;

/// <summary>What the host needs of a task; derive from <see cref="FrostingTask{TContext}"/> or
/// <see cref="AsyncFrostingTask{TContext}"/> instead of implementing it.</summary>
public interface IFrostingTask
{
    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    /// <summary>Logged when <see cref="ShouldRun"/> skips the task; empty for Cake's default message.</summary>
    string SkippedMessage => string.Empty;

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}
