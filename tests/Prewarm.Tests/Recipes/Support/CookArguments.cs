using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>cargo build arguments for cooking in tests (the Cook task builds them with CargoTool/CargoArguments):
/// the build identity's own spelling, then the target directory and the switches.</summary>
internal static class CookArguments
{
    public static IReadOnlyList<string> For(string manifestPath, CookOptions options, bool jsonMessages = false, bool locked = true)
    {
        var arguments = new List<string> { "build", "--manifest-path", manifestPath };
        arguments.AddRange(options.Build.CargoArguments(CargoStep.Build));
        arguments.AddRange(["--target-dir", options.TargetDirectory]);
        if (locked)
        {
            arguments.Add("--locked");
        }

        if (options.Offline)
        {
            arguments.Add("--offline");
        }

        if (jsonMessages)
        {
            arguments.Add("--message-format=json");
        }

        return arguments;
    }
}
