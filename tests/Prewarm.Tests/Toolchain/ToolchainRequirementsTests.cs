using Prewarm.Core.Cargo;
using Prewarm.Core.Toolchain;

namespace Prewarm.Tests.Toolchain;

/// <summary>What a repository's root build needs of the base image's cargo and rustc, on plain inputs:
/// the lockfile's version, editions, rust-version (a package's own or inherited from the workspace).</summary>
[TestFixture]
public sealed class ToolchainRequirementsTests
{
    private const string Image = "prewarm/rust-base:bookworm";

    /// <summary>Debian bookworm's toolchain, what the local base image holds.</summary>
    private static readonly ImageToolchain Bookworm = new("1.65.0", "1.63.0");

    private static CargoPackage Package(string manifest, string edition = "2021", string? rustVersion = null, string? workspaceRoot = "Cargo.toml", params CargoDependency[] dependencies) => new()
    {
        Name = manifest == "Cargo.toml" ? "root" : manifest.Split('/')[^2],
        Version = "0.1.0",
        ManifestPath = manifest,
        Edition = edition,
        RustVersion = rustVersion,
        WorkspaceRoot = workspaceRoot,
        Dependencies = dependencies,
    };

    private static CargoWorkspace Workspace(params (string Key, string Value)[] shared) => new()
    {
        RootManifestPath = "Cargo.toml",
        IsVirtual = true,
        Package = shared.ToDictionary(s => s.Key, s => s.Value),
    };

    private static CargoRepository Repository(IReadOnlyList<CargoPackage> packages, IReadOnlyList<CargoWorkspace>? workspaces = null, params Lockfile[] lockfiles) => new()
    {
        Id = "shop",
        Packages = packages,
        Workspaces = workspaces ?? [Workspace()],
        Lockfiles = lockfiles,
    };

    private static Lockfile Lock(int version, string path = "Cargo.lock") => new(path, version, []);

    private static string? Problem(CargoRepository repository, ImageToolchain? toolchain = null) =>
        ToolchainShortfall.Describe(ToolchainRequirements.Check(ToolchainRequirements.Of(repository), toolchain ?? Bookworm), "", Image);

    [TestCase(1, null)]
    [TestCase(2, "1.38")]
    [TestCase(3, "1.47")]
    [TestCase(4, "1.78")]
    public void Lockfile_versions_need_the_cargo_that_first_reads_them(int version, string? cargo) =>
        ToolchainRequirements.Lockfile(version)?.ToString().ShouldBe(cargo);

    [TestCase("2015", null)]
    [TestCase("2018", "1.31")]
    [TestCase("2021", "1.56")]
    [TestCase("2024", "1.85")]
    public void Editions_need_the_release_that_introduced_them(string edition, string? release) =>
        ToolchainRequirements.Edition(edition)?.ToString().ShouldBe(release);

    [Test]
    public void A_version_4_lockfile_is_refused_by_cargo_1_65_in_one_line()
    {
        var repository = Repository([Package("crates/api/Cargo.toml")], null, Lock(4));

        Problem(repository).ShouldBe(
            "Cargo.lock: lockfile version 4 needs cargo ≥ 1.78; the base image prewarm/rust-base:bookworm has cargo 1.65.0 (write version = 3, or use a base image with a newer toolchain)");
        Problem(repository, new ImageToolchain("1.78.0", "1.78.0")).ShouldBeNull();
    }

    [Test]
    public void A_version_3_lockfile_needs_cargo_1_53()
    {
        var repository = Repository([Package("crates/api/Cargo.toml", edition: "2018")], null, Lock(3));

        Problem(repository).ShouldBeNull();
        Problem(repository, new ImageToolchain("1.46.0", "1.46.0")).ShouldBe(
            "Cargo.lock: lockfile version 3 needs cargo ≥ 1.47; the base image prewarm/rust-base:bookworm has cargo 1.46.0 (use a base image with a newer toolchain)");
    }

    [Test]
    public void Only_the_root_lockfile_counts_the_image_builds_the_root()
    {
        var repository = Repository([Package("crates/api/Cargo.toml")], null, Lock(3), Lock(4, "fuzz/Cargo.lock"));

        Problem(repository).ShouldBeNull();
    }

    [Test]
    public void An_edition_above_the_image_s_rustc_names_the_manifest()
    {
        var repository = Repository([Package("crates/api/Cargo.toml", edition: "2024"), Package("crates/web/Cargo.toml")]);

        Problem(repository).ShouldBe(
            "crates/api/Cargo.toml: edition 2024 needs rustc ≥ 1.85; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (use a base image with a newer toolchain)");
        Problem(repository, new ImageToolchain("1.85.0", "1.85.0")).ShouldBeNull();
    }

    [Test]
    public void An_edition_needs_cargo_too()
    {
        var repository = Repository([Package("crates/api/Cargo.toml", edition: "2021")]);

        Problem(repository, new ImageToolchain("1.55.0", "1.56.0")).ShouldBe(
            "crates/api/Cargo.toml: edition 2021 needs cargo ≥ 1.56; the base image prewarm/rust-base:bookworm has cargo 1.55.0 (use a base image with a newer toolchain)");
    }

    [Test]
    public void A_target_s_own_edition_counts()
    {
        var package = Package("crates/api/Cargo.toml") with
        {
            Targets = [new CargoTarget { Name = "api", Kinds = ["lib"], SrcPath = "crates/api/src/lib.rs", Edition = "2024" }],
        };

        Problem(Repository([package])).ShouldBe(
            "crates/api/Cargo.toml: edition 2024 (target `api`) needs rustc ≥ 1.85; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (use a base image with a newer toolchain)");
    }

    [TestCase("1.63", null)]
    [TestCase("1.63.0", null)]
    [TestCase("1.63.1", "1.63.1")]
    [TestCase("1.70", "1.70")]
    public void Rust_version_is_compared_with_the_image_s_rustc(string rustVersion, string? needs)
    {
        var problem = Problem(Repository([Package("crates/api/Cargo.toml", rustVersion: rustVersion)]));

        if (needs is null)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldBe($"crates/api/Cargo.toml: rust-version {rustVersion} needs rustc ≥ {needs}; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (lower it, or use a base image with a newer toolchain)");
        }
    }

    [Test]
    public void Values_inherited_from_the_workspace_name_the_workspace_root()
    {
        var workspace = Workspace(("edition", "2024"), ("rust-version", "1.80"));
        var repository = Repository(
            [Package("crates/api/Cargo.toml", edition: "2024", rustVersion: "1.80"), Package("crates/web/Cargo.toml", edition: "2024", rustVersion: "1.80")],
            [workspace]);

        Problem(repository).ShouldBe(
            "Cargo.toml: workspace.package.edition 2024 needs rustc ≥ 1.85; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (use a base image with a newer toolchain); also Cargo.toml: workspace.package.rust-version 1.80");
    }

    [Test]
    public void A_member_s_own_value_beside_an_inherited_one_names_the_member()
    {
        var repository = Repository(
            [Package("crates/api/Cargo.toml", edition: "2021"), Package("crates/web/Cargo.toml", rustVersion: "1.70")],
            [Workspace(("edition", "2021"), ("rust-version", "1.60"))]);

        Problem(repository).ShouldBe(
            "crates/web/Cargo.toml: rust-version 1.70 needs rustc ≥ 1.70; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (lower it, or use a base image with a newer toolchain)");
    }

    [Test]
    public void Path_dependencies_of_the_root_build_count_other_roots_do_not()
    {
        var tool = Package("tools/gen/Cargo.toml", edition: "2024", workspaceRoot: null);
        var fuzz = Package("fuzz/Cargo.toml", edition: "2024", workspaceRoot: "fuzz/Cargo.toml");
        var api = Package("crates/api/Cargo.toml", dependencies: new CargoDependency { Name = "gen", Kind = DependencyKind.Build, Req = "*", Path = "tools/gen" });

        Problem(Repository([api, fuzz, tool])).ShouldBe(
            "tools/gen/Cargo.toml: edition 2024 needs rustc ≥ 1.85; the base image prewarm/rust-base:bookworm has rustc 1.63.0 (use a base image with a newer toolchain)");
        Problem(Repository([Package("crates/api/Cargo.toml"), fuzz])).ShouldBeNull();
    }

    [Test]
    public void Several_shortfalls_are_one_line_the_first_in_full()
    {
        var repository = Repository([Package("crates/api/Cargo.toml", edition: "2024")], null, Lock(4));

        ToolchainShortfall.Describe(ToolchainRequirements.Check(ToolchainRequirements.Of(repository), Bookworm), "/src/shop", Image).ShouldBe(
            "/src/shop/Cargo.lock: lockfile version 4 needs cargo ≥ 1.78; the base image prewarm/rust-base:bookworm has cargo 1.65.0 (write version = 3, or use a base image with a newer toolchain); also /src/shop/crates/api/Cargo.toml: edition 2024");
    }

    [TestCase("cargo 1.65.0\nrustc 1.63.0\n", "1.65.0", "1.63.0")]
    [TestCase("cargo 1.95.0 (f2d3ce0bd 2026-03-21)\nrustc 1.95.0 (29483883e 2026-03-19)", "1.95.0", "1.95.0")]
    [TestCase("cargo 1.86.0-nightly (abc 2025-01-01)\r\nrustc 1.86.0-nightly (def 2025-01-01)\r\n", "1.86.0-nightly", "1.86.0-nightly")]
    public void The_image_s_versions_are_read_from_their_V_lines(string output, string cargo, string rustc) =>
        ImageToolchain.Parse(output).ShouldBe(new ImageToolchain(cargo, rustc));

    [Test]
    public void Rustup_in_the_image_is_noted() =>
        ImageToolchain.Parse("cargo 1.85.0 (d73d2caf9 2024-12-31)\nrustc 1.85.0 (4d91de4e4 2025-02-17)\nrustup\n").ShouldBe(new ImageToolchain("1.85.0", "1.85.0", Rustup: true));

    [TestCase("rustc 1.63.0")]
    [TestCase("sh: 1: cargo: not found")]
    [TestCase("")]
    public void Without_both_versions_the_image_s_toolchain_is_unknown(string output) =>
        ImageToolchain.Parse(output).ShouldBeNull();

    [Test]
    public void A_cargo_printing_its_crate_version_is_the_rust_release_before_it()
    {
        new ImageToolchain("0.66.0", "1.65.0").CargoRelease.ShouldBe(new RustRelease(1, 65, 0));
        new ImageToolchain("1.86.0-nightly", "1.86.0-nightly").RustcRelease.ShouldBe(new RustRelease(1, 86, 0));
    }

    [TestCase("1.78", 1, 78, 0)]
    [TestCase("1.78.2", 1, 78, 2)]
    [TestCase("1", 1, 0, 0)]
    public void Releases_parse_with_a_missing_patch_as_zero(string text, int major, int minor, int patch)
    {
        RustRelease.TryParse(text, out var release).ShouldBeTrue();
        release.ShouldBe(new RustRelease(major, minor, patch));
        (new RustRelease(1, 65, 0) < new RustRelease(1, 78, 0)).ShouldBeTrue();
        (new RustRelease(1, 78, 1) > new RustRelease(1, 78, 0)).ShouldBeTrue();
    }

    [TestCase("1.x")]
    [TestCase("1..2")]
    [TestCase("1.2.3.4")]
    [TestCase(" ")]
    public void Not_a_release(string text) => RustRelease.TryParse(text, out _).ShouldBeFalse();
}
