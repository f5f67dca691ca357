using Cake.Core;

namespace Prewarm.Frosting;

/// <summary>Runs once before the first task and once after the last, failed or not.</summary>
public interface IFrostingLifetime
{
    void Setup(ICakeContext context, ISetupContext info);
    void Teardown(ICakeContext context, ITeardownContext info);
}
