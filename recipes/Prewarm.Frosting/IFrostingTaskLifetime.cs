using Cake.Core;

namespace Prewarm.Frosting;

/// <summary>Runs around every task.</summary>
public interface IFrostingTaskLifetime
{
    void Setup(ICakeContext context, ITaskSetupContext info);
    void Teardown(ICakeContext context, ITaskTeardownContext info);
}
