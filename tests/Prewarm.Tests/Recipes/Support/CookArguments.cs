using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>cargo build arguments for cooking in tests (the Cook task builds them with CargoTool/CargoArguments).</summary>
internal static class CookArguments
{
    public static IReadOnlyList<string> For(string manifestPath, CookOptions options, bool jsonMessages = false, bool locked = true)
    {
        var arguments = new List<string> { "build", "--manifest-path", manifestPath };
        if (options.Profile == "release")
        {
            arguments.Add("--release");
        }
        else if (options.Profile != "dev")
        {
            arguments.AddRange(["--profile", options.Profile]);
        }

        if (options.Target is not null)
        {
            arguments.AddRange(["--target", options.Target]);
        }

        if (options.Features.Count > 0)
        {
            arguments.AddRange(["--features", string.Join(',', options.Features)]);
        }

        arguments.AddRange(["--target-dir", options.TargetDirectory]);
        if (options.Packages.Count == 0 && options.Bins.Count == 0)
        {
            arguments.Add("--workspace");
        }

        foreach (var package in options.Packages)
        {
            arguments.AddRange(["--package", package]);
        }

        foreach (var bin in options.Bins)
        {
            arguments.AddRange(["--bin", bin]);
        }

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
