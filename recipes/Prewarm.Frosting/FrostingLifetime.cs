using Cake.Core;

namespace Cake.Frosting;

/// <summary>Build-wide setup and teardown on a typed context; register with
/// <see cref="CakeHostExtensions.UseLifetime{TLifetime}"/>.</summary>
public abstract class FrostingLifetime<TContext> : IFrostingLifetime
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ISetupContext info);

    public abstract void Teardown(TContext context, ITeardownContext info);

    void IFrostingSetup.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);

    void IFrostingTeardown.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>A lifetime on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingLifetime : FrostingLifetime<ICakeContext>;

/// <summary>Build-wide setup alone; register with <see cref="CakeHostExtensions.UseSetup{TSetup}"/>.</summary>
public abstract class FrostingSetup<TContext> : IFrostingSetup
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ISetupContext info);

    void IFrostingSetup.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);
}

/// <summary>A setup on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingSetup : FrostingSetup<ICakeContext>;

/// <summary>Build-wide teardown alone; register with <see cref="CakeHostExtensions.UseTeardown{TTeardown}"/>.</summary>
public abstract class FrostingTeardown<TContext> : IFrostingTeardown
    where TContext : ICakeContext
{
    public abstract void Teardown(TContext context, ITeardownContext info);

    void IFrostingTeardown.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>A teardown on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTeardown : FrostingTeardown<ICakeContext>;
