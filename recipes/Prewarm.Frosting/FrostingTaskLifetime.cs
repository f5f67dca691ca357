using Cake.Core;

namespace Prewarm.Frosting;

/// <summary>Per-task setup and teardown on a typed context; register with
/// <see cref="CakeHost.UseTaskLifetime{TLifetime}"/>.</summary>
public abstract class FrostingTaskLifetime<TContext> : IFrostingTaskLifetime
    where TContext : ICakeContext
{
    public virtual void Setup(TContext context, ITaskSetupContext info)
    {
    }

    public virtual void Teardown(TContext context, ITaskTeardownContext info)
    {
    }

    void IFrostingTaskLifetime.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);

    void IFrostingTaskLifetime.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}
