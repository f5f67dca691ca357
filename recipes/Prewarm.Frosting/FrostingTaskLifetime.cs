using Cake.Core;

namespace Cake.Frosting;

/// <summary>Per-task setup and teardown on a typed context; register with
/// <see cref="CakeHostExtensions.UseTaskLifetime{TLifetime}"/>.</summary>
public abstract class FrostingTaskLifetime<TContext> : IFrostingTaskLifetime
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ITaskSetupContext info);

    public abstract void Teardown(TContext context, ITaskTeardownContext info);

    void IFrostingTaskSetup.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);

    void IFrostingTaskTeardown.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>A task lifetime on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTaskLifetime : FrostingTaskLifetime<ICakeContext>;

/// <summary>Per-task setup alone; register with <see cref="CakeHostExtensions.UseTaskSetup{TSetup}"/>.</summary>
public abstract class FrostingTaskSetup<TContext> : IFrostingTaskSetup
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ITaskSetupContext info);

    void IFrostingTaskSetup.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);
}

/// <summary>A task setup on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTaskSetup : FrostingTaskSetup<ICakeContext>;

/// <summary>Per-task teardown alone; register with <see cref="CakeHostExtensions.UseTaskTeardown{TTeardown}"/>.</summary>
public abstract class FrostingTaskTeardown<TContext> : IFrostingTaskTeardown
    where TContext : ICakeContext
{
    public abstract void Teardown(TContext context, ITaskTeardownContext info);

    void IFrostingTaskTeardown.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>A task teardown on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTaskTeardown : FrostingTaskTeardown<ICakeContext>;
