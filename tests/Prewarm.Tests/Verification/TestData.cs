namespace Prewarm.Tests.Verification;

/// <summary>Output captured from the real tools on this machine (see TestData/), and the tiny fixture crate.</summary>
internal static class TestData
{
    public static string Directory => Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Verification", "TestData");

    public static string TinyFixture => Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Verification", "Fixtures", "tiny");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));
}
