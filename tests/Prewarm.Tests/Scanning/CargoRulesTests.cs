using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toml;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Scanning;

/// <summary>The scanner refuses what cargo refuses, and no more: the permitted neighbours of the
/// bad-input corpus cases scan without error.</summary>
[TestFixture]
public sealed class CargoRulesTests
{
    private CargoFixture _fixture = null!;

    [SetUp]
    public void SetUp() =>
        _fixture = new CargoFixture()
            .Write("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n")
            .Write("a/src/lib.rs", "")
            .Write("b/src/lib.rs", "");

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void A_cycle_through_a_dev_dependency_is_allowed()
    {
        _fixture.Write("a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nb = { path = \"../b\" }\n")
            .Write("b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\n[dev-dependencies]\na = { path = \"../a\" }\n");

        RepositoryScanner.Scan(_fixture.Root).Packages.Count.ShouldBe(2);
    }

    [Test]
    public void A_cycle_through_a_build_dependency_is_refused()
    {
        _fixture.Write("a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nb = { path = \"../b\" }\n")
            .Write("b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\n[build-dependencies]\na = { path = \"../a\" }\n");

        Should.Throw<WorkspaceLayoutException>(() => RepositoryScanner.Scan(_fixture.Root)).Message.ShouldStartWith("b/Cargo.toml:5:1: cyclic package dependency: `a` -> `b` -> `a`");
    }

    [Test]
    public void Feature_entries_may_name_features_optional_dependencies_and_dependency_features()
    {
        _fixture.Write("a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nb = { path = \"../b\", optional = true }\n[features]\ndefault = [\"x\"]\nx = [\"b\", \"b/y\"]\n")
            .Write("b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\n[features]\ny = []\n");

        RepositoryScanner.Scan(_fixture.Root).Packages.Count.ShouldBe(2);
    }

    [Test]
    public void Unicode_package_names_are_allowed_and_a_space_is_refused_at_its_line()
    {
        _fixture.Write("a/Cargo.toml", "[package]\nname = \"café_crate-1\"\nversion = \"0.1.0\"\n")
            .Write("b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\n");
        RepositoryScanner.Scan(_fixture.Root).Packages.Count.ShouldBe(2);

        _fixture.Write("b/Cargo.toml", "[package]\nversion = \"0.1.0\"\nname = \"b c\"\n");
        Should.Throw<CargoManifestException>(() => RepositoryScanner.Scan(_fixture.Root)).Message.ShouldStartWith("b/Cargo.toml:3:1: invalid package name");
    }
}
