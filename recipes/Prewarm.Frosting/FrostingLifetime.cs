using Cake.Core;

namespace Prewarm.Frosting;

/// <summary>Build-wide setup and teardown on a typed context; register with
/// <see cref="CakeHost.UseLifetime{TLifetime}"/>.</summary>
public abstract class FrostingLifetime<TContext> : IFrostingLifetime
    where TContext : ICakeContext
{
    public virtual void Setup(TContext context, ISetupContext info)
    {
    }

    public virtual void Teardown(TContext context, ITeardownContext info)
    {
    }

    void IFrostingLifetime.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);

    void IFrostingLifetime.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}
