using Cake.Core;

namespace Prewarm.Frosting;

/// <summary>What the host needs of a task; derive from <see cref="FrostingTask{TContext}"/> or
/// <see cref="AsyncFrostingTask{TContext}"/> instead of implementing it.</summary>
public interface IFrostingTask
{
    Task RunAsync(ICakeContext context);
    bool ShouldRun(ICakeContext context);
    void OnError(Exception exception, ICakeContext context);
    void Finally(ICakeContext context);
}
