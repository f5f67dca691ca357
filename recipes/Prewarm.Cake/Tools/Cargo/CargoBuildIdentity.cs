using Prewarm.Core.Recipes;

namespace Prewarm.Cake.Tools.Cargo;

/// <summary>Settings that make a <see cref="BuildIdentity"/>: its one spelling (<see cref="BuildIdentity.CargoArguments"/>)
/// for the command, in <c>Identity</c>.</summary>
public static class CargoBuildIdentity
{
    /// <summary><c>cargo build</c> of <paramref name="build"/>: profile, selection, target, feature switches.</summary>
    public static CargoBuildSettings Making(this CargoBuildSettings settings, BuildIdentity build) => Add(settings, settings.Identity, build.CargoArguments(CargoStep.Build));

    /// <summary><c>cargo tree</c> of <paramref name="build"/>: selection, target, feature switches.</summary>
    public static CargoTreeSettings Making(this CargoTreeSettings settings, BuildIdentity build) => Add(settings, settings.Identity, build.CargoArguments(CargoStep.Tree));

    private static T Add<T>(T settings, IList<string> identity, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var argument in arguments)
        {
            identity.Add(argument);
        }

        return settings;
    }
}
