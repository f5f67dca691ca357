using Cake.Core;

namespace Cake.Frosting;

/// <summary>Runs once before the first task.</summary>
public interface IFrostingSetup
{
    void Setup(ICakeContext context, ISetupContext info);
}

/// <summary>Runs once after the last task, failed or not.</summary>
public interface IFrostingTeardown
{
    void Teardown(ICakeContext context, ITeardownContext info);
}

/// <summary>Both halves: runs once before the first task and once after the last.</summary>
public interface IFrostingLifetime : IFrostingSetup, IFrostingTeardown;
