using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Cargo;

/// <summary>A throw-away repository in a temp directory with the offline cargo configuration, so
/// real cargo can read what the test writes.</summary>
internal sealed class CargoFixture : IDisposable
{
    public const string OfflineConfig = """
        [source.crates-io]
        replace-with = "debian"

        [source.debian]
        directory = "/usr/share/cargo/registry"

        [net]
        offline = true

        [registries.my]
        index = "https://example.invalid/index"
        """;

    private readonly TemporaryDirectory _container = new("prewarm-scan-");

    public CargoFixture(string name = "fixture")
    {
        Root = Path.Combine(Container, name);
        Directory.CreateDirectory(Root);
        Write(".cargo/config.toml", OfflineConfig + "\n");
    }

    /// <summary>Parent of <see cref="Root"/>; also holds side repositories (git dependencies).</summary>
    public string Container => _container.Path;

    public string Root { get; }

    /// <summary>The <c>file://</c> URL of a git repository with one committed package, for git dependencies.</summary>
    public async Task<string> CreateGitPackageAsync(string name, string version = "0.1.0")
    {
        var directory = Path.Combine(Container, "git-" + name);
        Directory.CreateDirectory(Path.Combine(directory, "src"));
        File.WriteAllText(Path.Combine(directory, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"{version}\"\n");
        File.WriteAllText(Path.Combine(directory, "src", "lib.rs"), "");
        foreach (var args in new[] { "init -q -b main", "add -A", "-c user.email=t@example.invalid -c user.name=t commit -qm init" })
        {
            await Cli.Wrap("git").WithArguments(args).WithWorkingDirectory(directory).ExecuteBufferedAsync();
        }

        return new Uri(directory).AbsoluteUri;
    }

    public CargoFixture Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.Replace("\r\n", "\n"), new UTF8Encoding(false));
        return this;
    }

    public void Dispose() => _container.Dispose();
}
