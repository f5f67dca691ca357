namespace Prewarm.Tests.Support;

/// <summary>Where things are in this repository, found from the test assembly upwards.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The build host compiled next to the tests (the test project references build/Build.csproj).</summary>
    public static string BuildDll => Path.Combine(Root, "build", "bin", Configuration, "net10.0", "Build.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrewarmCake.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PrewarmCake.sln not found above {AppContext.BaseDirectory}.");
    }
}
