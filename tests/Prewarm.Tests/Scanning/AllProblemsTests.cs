using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Scanning;

/// <summary>One run names every problem (stale examples needed one run each before), each as
/// <c>file:line:column</c> with the <c>--exclude</c> that steps around it where one would, then a
/// count; and the build host prints them without colour codes when its output is a file.</summary>
[TestFixture]
public sealed class AllProblemsTests
{
    private static readonly string[] Expected =
    [
        "Cargo.toml:2:1: workspace member `missing` has no Cargo.toml (looked for missing/Cargo.toml)",
        "examples/nested/Cargo.toml:2:1: workspace member `gone` has no Cargo.toml (looked for examples/nested/gone/Cargo.toml) (if examples/nested is not part of your build, --exclude=examples/nested leaves it out)",
        "examples/nested/Cargo.toml:5:1: path dependency `log` points at `examples/nested/nowhere`, which has no Cargo.toml (if examples/nested is not part of your build, --exclude=examples/nested leaves it out)",
        "examples/broken/Cargo.toml:1:9: ",
        "examples/inherits/Cargo.toml:3:1: `package.version` is inherited from the workspace, but the package is in no workspace (if it is not a package, --exclude=examples/inherits leaves it out)",
        "examples/lints/Cargo.toml:7:1: `lints` is inherited from the workspace, but the package is in no workspace (if it is not a package, --exclude=examples/lints leaves it out)",
        "examples/nested/m/Cargo.toml:3:1: `package.edition` is inherited from the workspace, but examples/nested/Cargo.toml has no `workspace.package.edition` (if examples/nested is not part of your build, --exclude=examples/nested leaves it out)",
    ];

    [Test]
    [Category("Slow")] // starts cargo or the build host
    public async Task Every_problem_is_reported_with_its_position_and_exclude_hint_and_cargo_refuses_each()
    {
        using var fixture = Write();

        var error = Should.Throw<ScanProblemsException>(() => RepositoryScanner.Scan(fixture.Root));

        var lines = error.Message.Split('\n');
        lines.Length.ShouldBe(Expected.Length + 1, error.Message);
        foreach (var expected in Expected)
        {
            lines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), $"{expected}\nin\n{error.Message}");
        }

        lines[^1].ShouldBe($"{Expected.Length} problems found");
        // Each root is refused by cargo too (each where cargo reads it).
        foreach (var root in new[] { "", "examples/nested", "examples/broken", "examples/inherits", "examples/lints" })
        {
            var cargo = await CargoProcess.RunAsync(Path.Combine(fixture.Root, root), ["metadata", "--format-version", "1", "--offline", "--no-deps"], check: false);
            cargo.ExitCode.ShouldNotBe(0, $"cargo accepts {root}");
        }

        // With every hinted directory excluded only the root's own problem is left, alone on its line.
        var rest = Should.Throw<WorkspaceLayoutException>(() => RepositoryScanner.Scan(fixture.Root, exclude: ["examples/nested", "examples/broken", "examples/inherits", "examples/lints"]));
        rest.Message.ShouldBe(Expected[0]);
    }

    [Test]
    public void Every_repository_is_scanned_and_each_problem_names_its_repository()
    {
        using var first = new CargoFixture("first").Write("Cargo.toml", "[package]\nname = \"a\"\nversion = = \"1\"\n");
        using var second = new CargoFixture("second").Write("Cargo.toml", "[workspace]\nmembers = [\"gone\"]\n");

        var error = Should.Throw<ScanProblemsException>(() => RepositoryScanner.ScanAll([first.Root, second.Root]));

        var lines = error.Message.Split('\n');
        lines.Length.ShouldBe(3, error.Message);
        lines[0].ShouldStartWith($"{first.Root}/Cargo.toml:3:11: ");
        lines[1].ShouldBe($"{second.Root}/Cargo.toml:2:1: workspace member `gone` has no Cargo.toml (looked for gone/Cargo.toml)");
        lines[2].ShouldBe("2 problems found");
    }

    [Test]
    public void Broken_members_are_reported_in_the_order_the_workspace_takes_them()
    {
        // Members are read a wave at a time (their dependencies on all cores); the problems must come in
        // the queue's order: the listed members first, then a path dependency they make a member.
        const string Broken = "[dependencies]\nnope = { workspace = true }\n";
        using var fixture = new CargoFixture()
            .Write("Cargo.toml", "[workspace]\nmembers = [\"m/*\"]\n\n[workspace.dependencies]\nserde = \"1\"\n")
            .Write("m/a/Cargo.toml", Package("a", "[dependencies]\nextra = { path = \"../../extra\" }\n"))
            .Write("m/a/src/lib.rs", "")
            .Write("m/b/Cargo.toml", Package("b", Broken))
            .Write("m/b/src/lib.rs", "")
            .Write("m/c/Cargo.toml", Package("c", "[dependencies]\nserde = { workspace = true }\n"))
            .Write("m/c/src/lib.rs", "")
            .Write("m/d/Cargo.toml", Package("d", Broken))
            .Write("m/d/src/lib.rs", "")
            .Write("extra/Cargo.toml", Package("extra", Broken))
            .Write("extra/src/lib.rs", "");

        var error = Should.Throw<ScanProblemsException>(() => RepositoryScanner.Scan(fixture.Root));

        var lines = error.Message.Split('\n');
        // (The broken path dependency leaves the workspace, and is then read again as a package of its own.)
        lines.ShouldBe(
        [
            "m/b/Cargo.toml:7:1: dependency `nope` has `workspace = true` but `workspace.dependencies.nope` is not defined",
            "m/d/Cargo.toml:7:1: dependency `nope` has `workspace = true` but `workspace.dependencies.nope` is not defined",
            "extra/Cargo.toml:7:1: dependency `nope` has `workspace = true` but `workspace.dependencies.nope` is not defined",
            "extra/Cargo.toml:7:1: dependency `nope` has `workspace = true` but the package is not in a workspace",
            "4 problems found",
        ],
        error.Message);

        static string Package(string name, string rest) => $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n{rest}";
    }

    [Test]
    [Category("Slow")] // starts cargo or the build host
    public async Task The_build_host_prints_every_problem_without_colour_codes_into_a_file()
    {
        using var fixture = Write();
        using var artifacts = new TemporaryDirectory("prewarm-problems-");

        // Output redirected (as in CI logs); NO_COLOR unset so the redirection alone must turn colour off.
        var result = await Cli.Wrap("dotnet")
            .WithArguments([RepositoryLayout.BuildDll, "--target=Scan", $"--repo={fixture.Root}", $"--artifacts={artifacts.Path}"])
            .WithWorkingDirectory(fixture.Root)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", null).Set("TERM", "xterm-256color"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

        result.ExitCode.ShouldNotBe(0);
        var all = result.StandardOutput + result.StandardError;
        all.ShouldNotContain("\u001b[");
        all.ShouldContain($"Error: {fixture.Root}/{Expected[0]}");
        foreach (var expected in Expected.Skip(1))
        {
            all.ShouldContain($"\n{fixture.Root}/{expected}");
        }

        all.ShouldContain($"\n{Expected.Length} problems found");
    }

    private static CargoFixture Write() =>
        new CargoFixture()
            .Write("Cargo.toml", "[workspace]\nmembers = [\"a\", \"missing\"]\nexclude = [\"examples\"]\nresolver = \"2\"\n")
            .Write("a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("a/src/lib.rs", "")
            .Write("examples/nested/Cargo.toml", "[workspace]\nmembers = [\"m\", \"gone\"]\n\n[patch.crates-io]\nlog = { path = \"nowhere\" }\n")
            .Write("examples/nested/m/Cargo.toml", "[package]\nname = \"m\"\nedition.workspace = true\nversion = \"0.1.0\"\n")
            .Write("examples/nested/m/src/lib.rs", "")
            .Write("examples/broken/Cargo.toml", "[package\nname = \"broken\"\n")
            .Write("examples/inherits/Cargo.toml", "[package]\nname = \"inherits\"\nversion.workspace = true\n")
            .Write("examples/inherits/src/lib.rs", "")
            .Write("examples/lints/Cargo.toml", "[package]\nname = \"lints\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lints]\nworkspace = true\n")
            .Write("examples/lints/src/lib.rs", "");
}
