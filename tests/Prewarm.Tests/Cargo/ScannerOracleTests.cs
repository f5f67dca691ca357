using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toml;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Cargo;

/// <summary>The scanner's model of every package must equal what real <c>cargo metadata --no-deps</c>
/// reports: dependencies (name, rename, kind, target, req, features, default features, optional,
/// source, path), targets and features.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class ScannerOracleTests
{
    [Test]
    public async Task The_bundled_shop_example_matches_cargo()
    {
        var repository = RepositoryScanner.Scan(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"));

        var compared = await OracleComparison.AssertMatchesCargoAsync(repository);

        compared.ShouldBe(3);
        repository.Workspaces.ShouldHaveSingleItem().Members.ShouldBe(["apps/server/Cargo.toml", "crates/domain/Cargo.toml", "crates/storage/Cargo.toml"]);
    }

    [Test]
    public async Task A_workspace_with_globs_exclude_inheritance_renames_and_cfg_targets_matches_cargo()
    {
        using var fixture = new CargoFixture();
        var git = await fixture.CreateGitPackageAsync("gitdep");
        fixture
            .Write("Cargo.toml", $$"""
                [package]
                name = "app"
                version.workspace = true
                edition.workspace = true
                rust-version.workspace = true

                [workspace]
                resolver = "2"
                members = ["crates/*", "tools/gen?"]
                exclude = ["crates/old", "patched"]
                default-members = ["crates/core"]

                [workspace.package]
                version = "1.2.3"
                edition = "2021"
                rust-version = "1.70"

                [workspace.dependencies]
                serde = { version = "1.0.100", default-features = false, features = ["derive"] }
                anyhow = "1"
                json = { package = "serde_json", version = "1.0" }
                tokio = { version = "1.24", features = ["rt"] }
                core-lib = { path = "crates/core", version = "1.2.3" }
                gitdep = { git = "{{git}}", tag = "v1" }

                [dependencies]
                core-lib = { workspace = true }
                serde = { workspace = true, features = ["std"], default-features = true }
                tokio = { workspace = true, optional = true, features = ["macros"] }
                json.workspace = true
                helper = { path = "helper" }
                gitdep.workspace = true

                [dev-dependencies]
                anyhow = { workspace = true }

                [target.'cfg(all(unix,target_arch="x86_64"))'.dependencies]
                log = { version = "0.4.*" }

                [target.x86_64-pc-windows-msvc.build-dependencies]
                cc = "1"

                [features]
                default = ["fast"]
                fast = ["dep:tokio"]

                [patch.crates-io]
                serde = { path = "patched/serde" }
                """)
            .Write("src/main.rs", "fn main() {}")
            .Write("helper/Cargo.toml", """
                [package]
                name = "helper"
                version = "0.1.0"
                edition = "2018"
                """)
            .Write("helper/src/lib.rs", "")
            .Write("patched/serde/Cargo.toml", "[package]\nname = \"serde\"\nversion = \"1.0.999\"\n")
            .Write("patched/serde/src/lib.rs", "")
            .Write("crates/core/Cargo.toml", """
                [package]
                name = "core-lib"
                version.workspace = true
                edition = "2018"

                [lib]
                name = "corelib"

                [dependencies]
                serde = { workspace = true, default-features = false }
                rand = { version = "0.8", optional = true, default_features = false }
                regex = { version = ">= 1.5, < 2", optional = true }
                rx = { package = "regex", version = "1", optional = true }

                [build-dependencies]
                cc = { version = "1.0", optional = false }

                [features]
                rng = ["rand/std"]
                re = ["dep:regex"]
                """)
            .Write("crates/core/src/lib.rs", "")
            .Write("crates/core/build.rs", "fn main() {}")
            .Write("crates/core/src/main.rs", "fn main() {}")
            .Write("crates/core/benches/speed.rs", "")
            .Write("crates/core/examples/walk.rs", "fn main() {}")
            .Write("crates/macros/Cargo.toml", """
                [package]
                name = "macros"
                version = "0.0.1"
                edition = "2021"
                build = false
                autotests = false
                autobins = false

                [lib]
                proc-macro = true

                [dependencies]
                syn = { version = "2", features = ["full"] }
                quote = "1"
                """)
            .Write("crates/macros/src/lib.rs", "")
            .Write("crates/macros/build.rs", "fn main() {}")
            .Write("crates/macros/tests/ignored.rs", "")
            .Write("crates/macros/src/main.rs", "fn main() {}")
            .Write("crates/old/Cargo.toml", "[package]\nname = \"old\"\nversion = \"0.1.0\"\n\n[workspace]\n")
            .Write("crates/old/src/lib.rs", "")
            .Write("crates/.hidden/Cargo.toml", "[package]\nname = \"hidden\"\nversion = \"0.1.0\"\n")
            .Write("crates/.hidden/src/lib.rs", "")
            .Write("tools/gen1/Cargo.toml", $$"""
                [package]
                name = "gen1"
                version = "0.1.0"
                edition = "2021"
                autobenches = false
                build = "scripts/build.rs"

                [[bin]]
                name = "generate"
                required-features = ["cli"]

                [[bin]]
                name = "gen1"
                path = "src/main.rs"
                test = false

                [[example]]
                name = "demo"
                crate-type = ["staticlib"]

                [[test]]
                name = "slow"
                path = "tests/slow/run.rs"
                harness = false

                [features]
                cli = []

                [dependencies]
                clap = { version = "4.0", features = ["derive"], git = "{{git}}", branch = "main", package = "gitdep" }
                """)
            .Write("tools/gen1/src/main.rs", "fn main() {}")
            .Write("tools/gen1/src/bin/generate.rs", "fn main() {}")
            .Write("tools/gen1/src/bin/other.rs", "fn main() {}")
            .Write("tools/gen1/src/bin/multi/main.rs", "fn main() {}")
            .Write("tools/gen1/src/bin/not-a-bin/helper.rs", "")
            .Write("tools/gen1/examples/demo.rs", "")
            .Write("tools/gen1/examples/tour/main.rs", "fn main() {}")
            .Write("tools/gen1/tests/smoke.rs", "")
            .Write("tools/gen1/tests/slow/run.rs", "")
            .Write("tools/gen1/benches/speed.rs", "")
            .Write("tools/gen1/scripts/build.rs", "fn main() {}")
            .Write("tools/genx/Cargo.toml", "[package]\nname = \"genx\"\nversion = \"0.1.0\"\n[dependencies]\nreg = { version = \"1\", registry = \"my\" }\n")
            .Write("tools/genx/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        var compared = await OracleComparison.AssertMatchesCargoAsync(repository);

        compared.ShouldBe(9); // app, hidden, helper, core-lib, macros, gen1, genx + old (its own workspace) + patched serde (excluded)
        var workspace = repository.Workspaces.Single(w => w.RootManifestPath == "Cargo.toml");
        workspace.Members.ShouldBe(["Cargo.toml", "crates/.hidden/Cargo.toml", "crates/core/Cargo.toml", "crates/macros/Cargo.toml", "helper/Cargo.toml", "tools/gen1/Cargo.toml", "tools/genx/Cargo.toml"]);
        workspace.DefaultMembers.ShouldBe(["crates/core"]);
        workspace.Patches.ShouldHaveSingleItem().Replacement.Path.ShouldBe("patched/serde");
        repository.Packages.Single(p => p.Name == "old").WorkspaceRoot.ShouldBe("crates/old/Cargo.toml");
        repository.Packages.Single(p => p.Name == "core-lib").BuildScript.ShouldBe("crates/core/build.rs");
        repository.Packages.Single(p => p.Name == "macros").BuildScript.ShouldBeNull();
        repository.Packages.Single(p => p.Name == "gen1").BuildScript.ShouldBe("tools/gen1/scripts/build.rs");
    }

    [Test]
    public async Task Standalone_packages_and_a_virtual_workspace_side_by_side_match_cargo()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write("ws/Cargo.toml", "[workspace]\nmembers = [\"a\"]\nresolver = \"2\"\n")
            .Write("ws/a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2024\"\n[dependencies]\nb = { path = \"../b\" }\n")
            .Write("ws/a/src/lib.rs", "")
            .Write("ws/b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.2.0\"\nedition = \"2021\"\n[dev-dependencies]\nitertools = \"0.10\"\n")
            .Write("ws/b/src/main.rs", "fn main() {}")
            .Write("solo/Cargo.toml", "[package]\nname = \"solo\"\n\n[dependencies]\nonce_cell = \"1\"\n")
            .Write("solo/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(3);
        repository.Workspaces.ShouldHaveSingleItem().Members.ShouldBe(["ws/a/Cargo.toml", "ws/b/Cargo.toml"]);
        repository.Packages.Single(p => p.Name == "solo").WorkspaceRoot.ShouldBeNull();
    }

    // Real-world cases (found by comparing whole public repositories with cargo); one rule each.

    [Test]
    public async Task Arrays_of_tables_split_by_other_tables_keep_every_entry()
    {
        // sqlx: [[test]] entries, then a [[bench]], then more [[test]] entries.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", """
                [package]
                name = "split"
                version = "0.1.0"
                edition = "2021"

                [[test]]
                name = "first"
                path = "tests/one/first.rs"

                # Benchmarks — after the first tests (a non-ASCII comment keeps offsets honest).
                [[bench]]
                name = "speed"
                path = "benches/x/speed.rs"

                [[test]]
                name = "second"
                path = "tests/two/second.rs"

                [[bench]]
                name = "size"
                path = "benches/x/size.rs"
                """)
            .Write("src/lib.rs", "")
            .Write("tests/one/first.rs", "")
            .Write("tests/two/second.rs", "")
            .Write("benches/x/speed.rs", "")
            .Write("benches/x/size.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(1);
        repository.Packages.Single().Targets.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(["first", "second", "size", "speed", "split"]);
    }

    [Test]
    public async Task A_lib_without_an_rlib_crate_type_is_not_doctested()
    {
        // diesel's wasm example: crate-type = ["cdylib"]; cargo only doctests lib, rlib and proc-macro.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"wasm\", \"both\"]\nresolver = \"2\"\n")
            .Write("wasm/Cargo.toml", "[package]\nname = \"wasm\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"cdylib\"]\ndoctest = true\n")
            .Write("wasm/src/lib.rs", "")
            .Write("both/Cargo.toml", "[package]\nname = \"both\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\ncrate-type = [\"staticlib\", \"rlib\"]\n")
            .Write("both/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(2);
        repository.Packages.Single(p => p.Name == "wasm").Targets.ShouldHaveSingleItem().Doctest.ShouldBeFalse();
    }

    [Test]
    public async Task A_package_key_equal_to_the_dependency_name_is_still_a_rename()
    {
        // axum: tokio = { package = "tokio", ... }; cargo reports rename = "tokio".
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", """
                [workspace]
                members = ["app"]
                resolver = "2"

                [workspace.dependencies]
                log = { package = "log", version = "0.4" }
                """)
            .Write("app/Cargo.toml", """
                [package]
                name = "app"
                version = "0.1.0"
                edition = "2021"

                [dependencies]
                once_cell = { package = "once_cell", version = "1" }
                log.workspace = true

                [target.'cfg(unix)'.dev-dependencies]
                regex = { package = "regex", version = "1", optional = false }
                """)
            .Write("app/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(1);
    }

    [Test]
    public async Task A_package_inside_a_workspace_that_does_not_list_it_is_left_out_like_cargo_does()
    {
        // actix-web (a crate dropped from members still inherits from the workspace) and bevy (a
        // mobile example whose path dependency leads nowhere): cargo refuses such a package on its
        // own ("believes it's in a workspace when it's not") and never loads it from the workspace.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"kept\"]\nexclude = [\"gone\"]\nresolver = \"2\"\n\n[workspace.package]\nedition = \"2021\"\n")
            .Write("kept/Cargo.toml", "[package]\nname = \"kept\"\nversion = \"0.1.0\"\nedition.workspace = true\n")
            .Write("kept/src/lib.rs", "")
            .Write("dropped/Cargo.toml", "[package]\nname = \"dropped\"\nversion = \"0.1.0\"\nedition.workspace = true\n")
            .Write("dropped/src/lib.rs", "")
            .Write("examples/mobile/app/Cargo.toml", "[package]\nname = \"mobile\"\nversion = \"0.0.0\"\n\n[dependencies]\nengine = { path = \"../../\" }\n")
            .Write("examples/mobile/app/src/lib.rs", "")
            .Write("gone/Cargo.toml", "[package]\nname = \"gone\"\nversion = \"0.1.0\"\n")
            .Write("gone/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(2); // kept + gone (excluded, so its own root)
        repository.Packages.Select(p => p.Name).ShouldBe(["gone", "kept"]);
        repository.Manifests.Select(m => m.Path).ShouldBe(["Cargo.toml", "gone/Cargo.toml", "kept/Cargo.toml"]);
    }

    [Test]
    public async Task Packages_that_name_their_workspace_belong_where_cargo_puts_them()
    {
        // `package.workspace` replaces cargo's search upwards: a member may live outside its root's
        // directory, or inside another workspace's directory; a package naming a root that does not
        // list it is refused by cargo on its own and loaded by no workspace.
        using var fixture = new CargoFixture();
        fixture
            .Write("ws/Cargo.toml", "[workspace]\nmembers = [\"../crates/outside\", \"../other/borrowed\"]\nresolver = \"2\"\n")
            .Write("crates/outside/Cargo.toml", "[package]\nname = \"outside\"\nversion = \"0.1.0\"\nedition = \"2021\"\nworkspace = \"../../ws\"\n")
            .Write("crates/outside/src/lib.rs", "")
            .Write("other/Cargo.toml", "[workspace]\nmembers = [\"own\"]\nresolver = \"2\"\n")
            .Write("other/own/Cargo.toml", "[package]\nname = \"own\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("other/own/src/lib.rs", "")
            .Write("other/borrowed/Cargo.toml", "[package]\nname = \"borrowed\"\nversion = \"0.1.0\"\nedition = \"2021\"\nworkspace = \"../../ws\"\n")
            .Write("other/borrowed/src/lib.rs", "")
            .Write("other/unlisted/Cargo.toml", "[package]\nname = \"unlisted\"\nversion = \"0.1.0\"\nedition = \"2021\"\nworkspace = \"..\"\n")
            .Write("other/unlisted/src/lib.rs", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(3);
        repository.Packages.Select(p => (p.Name, p.WorkspaceRoot)).ShouldBe([
            ("outside", "ws/Cargo.toml"), ("borrowed", "ws/Cargo.toml"), ("own", "other/Cargo.toml")]);
    }

    [Test]
    public async Task A_package_seen_again_through_a_symlink_is_read_only_where_something_names_it()
    {
        // embassy: docs/…/examples links to the examples directory. Through the link, the examples'
        // relative path dependencies lead nowhere (cargo resolves `..` lexically), so cargo would refuse
        // them there; nothing refers to them through the link, so cargo never does. A path dependency
        // through the link is read there, as cargo reads it.
        using var fixture = new CargoFixture();
        fixture
            .Write("real/a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"../b\" }\n")
            .Write("real/a/src/lib.rs", "")
            .Write("real/b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("real/b/src/lib.rs", "")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"../docs/linked/b\" }\n")
            .Write("app/src/lib.rs", "");
        Directory.CreateDirectory(Path.Combine(fixture.Root, "docs"));
        Directory.CreateSymbolicLink(Path.Combine(fixture.Root, "docs", "linked"), Path.Combine("..", "real"));
        await CargoMetadata.RunAsync(Path.Combine(fixture.Root, "app"), "generate-lockfile", "--offline");

        var repository = RepositoryScanner.Scan(fixture.Root);

        repository.Packages.Select(p => p.ManifestPath).ShouldBe(["app/Cargo.toml", "docs/linked/b/Cargo.toml", "real/a/Cargo.toml", "real/b/Cargo.toml"]);
        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(4);
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(SkeletonBuilder.Build(repository)));
        using var metadata = await CargoMetadata.ReadAsync(Path.Combine(skeleton.Path, "app", "Cargo.toml"), noDeps: false);
        metadata.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ShouldBe(["app", "b"]);
    }

    [Test]
    public async Task A_malformed_manifest_that_no_workspace_loads_is_ignored_like_cargo_does()
    {
        // cargo's own repository: tests/testsuite/**/Cargo.toml fixtures are broken on purpose; they
        // lie inside the root workspace without being members, so cargo never reads them.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n")
            .Write("src/lib.rs", "")
            .Write("tests/fixtures/invalid/Cargo.toml", "[package]\nname = \"x\"\nversion = invalid\n")
            .Write("tests/fixtures/empty/Cargo.toml", "");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(1);
        repository.Manifests.ShouldHaveSingleItem().Path.ShouldBe("Cargo.toml");
    }

    [Test]
    public async Task A_package_with_nothing_but_a_build_script_is_refused_like_cargo_does()
    {
        // sea-orm: a workspace of its own whose only source sits beside the manifest, not in src/.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[package]\nname = \"scripted\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n")
            .Write("build.rs", "fn main() {}\n")
            .Write("insert_test.rs", "");

        var cargo = await Should.ThrowAsync<InvalidOperationException>(() => CargoMetadata.ReadAsync(Path.Combine(fixture.Root, "Cargo.toml")));
        cargo.Message.ShouldContain("no targets specified in the manifest");
        Should.Throw<CargoManifestException>(() => RepositoryScanner.Scan(fixture.Root)).Message.ShouldStartWith("Cargo.toml: no targets specified in the manifest");

        // Any other target, even a lone example, is enough for cargo.
        fixture.Write("examples/only.rs", "");
        (await OracleComparison.AssertMatchesCargoAsync(RepositoryScanner.Scan(fixture.Root))).ShouldBe(1);
    }

    [Test]
    public async Task A_lockfile_holding_a_path_package_and_a_registry_package_of_the_same_name_and_version_resolves_like_cargo()
    {
        // clap and rust-analyzer: a workspace crate also comes from crates.io at the same version;
        // cargo writes the path one without a source, which is how it tells them apart.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"cell\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nonce_cell = { path = \"../cell\" }\nupstream = { package = \"once_cell\", version = \"=1.17.0\" }\n")
            .Write("app/src/lib.rs", "")
            .Write("cell/Cargo.toml", "[package]\nname = \"once_cell\"\nversion = \"1.17.0\"\nedition = \"2021\"\n")
            .Write("cell/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");

        var repository = RepositoryScanner.Scan(fixture.Root);

        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBe(2);
        var lockfile = repository.Lockfiles.ShouldHaveSingleItem();
        var app = lockfile.FindAll("app").ShouldHaveSingleItem();
        lockfile.DependenciesOf(app).Select(d => d.Source ?? "(path)").Order(StringComparer.Ordinal)
            .ShouldBe(["(path)", "registry+https://github.com/rust-lang/crates.io-index"]);
    }
}
