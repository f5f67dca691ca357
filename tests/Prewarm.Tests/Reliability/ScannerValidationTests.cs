using System.Text;
using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toml;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Reliability;

/// <summary>
/// Variants of cargo's manifest rules the bad-input corpus does not cover. Every case runs real
/// <c>cargo metadata</c> (with resolution, so dependency cycles count) next to the scanner: what
/// cargo refuses the scanner refuses with <c>file:line:</c>, and for the same reason; what cargo
/// accepts the scanner accepts, with the same view of the packages.
/// </summary>
[TestFixture]
public sealed class ScannerValidationTests
{
    private const string Lib = "src/lib.rs";

    public sealed record Refused(string Name, string File, int Line, string Says, string CargoSays, params (string Path, string Text)[] Files)
    {
        /// <summary>Where cargo is run (the package's own directory when only it reads the manifest).</summary>
        public string CargoDirectory { get; init; } = "";

        public override string ToString() => Name;
    }

    public sealed record Accepted(string Name, params (string Path, string Text)[] Files)
    {
        public override string ToString() => Name;
    }

    private static string Package(string name, string body = "", string edition = "2021") =>
        $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"{edition}\"\n{body}";

    public static IEnumerable<Refused> RefusedCases() =>
    [
        new("dep: on a non-optional dependency", "a/Cargo.toml", 8, "`b` is not an optional dependency", "is not an optional dependency",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n"),
            ("a/Cargo.toml", Package("a", "[dependencies]\nb = { path = \"../b\" }\n[features]\nx = [\"dep:b\"]\n")), ("a/" + Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("weak feature of a non-optional dependency", "a/Cargo.toml", 8, "with a `?`, but `b` is not an optional dependency", "is not an optional dependency",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n"),
            ("a/Cargo.toml", Package("a", "[dependencies]\nb = { path = \"../b\" }\n[features]\nx = [\"b?/f\"]\n")), ("a/" + Lib, ""),
            ("b/Cargo.toml", Package("b", "[features]\nf = []\n")), ("b/" + Lib, "")),
        new("feature of something that is not a dependency", "Cargo.toml", 6, "`nope` is not a dependency", "is not a dependency",
            ("Cargo.toml", Package("a", "[features]\nx = [\"nope/f\"]\n")), (Lib, "")),
        new("optional dev-dependency", "Cargo.toml", 6, "dev-dependencies are not allowed to be optional: `b`", "dev-dependencies are not allowed to be optional",
            ("Cargo.toml", Package("a", "[dev-dependencies]\nb = { path = \"b\", optional = true }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("build-dependency cycle", "b/Cargo.toml", 6, "cyclic package dependency: `a` -> `b` -> `a`", "cyclic package dependency",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n"),
            ("a/Cargo.toml", Package("a", "[build-dependencies]\nb = { path = \"../b\" }\n")), ("a/" + Lib, ""), ("a/build.rs", "fn main() {}\n"),
            ("b/Cargo.toml", Package("b", "[dependencies]\na = { path = \"../a\" }\n")), ("b/" + Lib, "")),
        new("package depending on itself", "Cargo.toml", 6, "cyclic package dependency: `a` -> `a`", "cyclic package dependency",
            ("Cargo.toml", Package("a", "[dependencies]\na = { path = \".\" }\n")), (Lib, "")),
        new("unclosed all()", "Cargo.toml", 5, "failed to parse `all(unix` as a cfg expression", "failed to parse `all(unix` as a cfg expression",
            ("Cargo.toml", Package("a", "[target.'cfg(all(unix)'.dependencies]\nlog = \"0.4\"\n")), (Lib, "")),
        new("two predicates without a comma", "Cargo.toml", 5, "unexpected content `windows` found after cfg expression", "unexpected content `windows` found after cfg expression",
            ("Cargo.toml", Package("a", "[target.'cfg(unix windows)'.dependencies]\nlog = \"0.4\"\n")), (Lib, "")),
        new("not() with two arguments", "Cargo.toml", 5, "expected `)`, found `,`", "expected `)`, found `,`",
            ("Cargo.toml", Package("a", "[target.'cfg(not(unix, windows))'.dependencies]\nlog = \"0.4\"\n")), (Lib, "")),
        new("branch without git", "Cargo.toml", 6, "has `branch` but no `git`", "key `branch` is ignored for dependency (b)",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { version = \"1\", branch = \"main\" }\n")), (Lib, "")),
        new("git and path together", "Cargo.toml", 6, "only one of `git` or `path` is allowed", "Only one of `git` or `path` is allowed",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { git = \"https://example.invalid/b.git\", path = \"b\" }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("dependency without a source", "Cargo.toml", 6, "without a local path, Git repository, version", "without providing a local path, Git repository, version",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { features = [\"x\"] }\n")), (Lib, "")),
        new("feature name with a slash", "Cargo.toml", 6, "feature name is not allowed to contain slashes", "feature name is not allowed to contain slashes",
            ("Cargo.toml", Package("a", "[features]\n\"x/y\" = []\n")), (Lib, "")),
        new("dependency feature with a slash", "Cargo.toml", 6, "feature `x/y` in dependency `b` is not allowed to contain slashes", "feature `x/y` in dependency `b` is not allowed to contain slashes",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", features = [\"x/y\"] }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("dep: in a dependency's features", "Cargo.toml", 6, "is not allowed to use explicit `dep:` syntax", "is not allowed to use explicit `dep:` syntax",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", features = [\"dep:f\"] }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b", "[features]\nf = []\n")), ("b/" + Lib, "")),
        new("feature entry with two slashes", "Cargo.toml", 8, "a feature entry may contain only one `/`", "multiple slashes in feature `b/f/g`",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", optional = true }\n[features]\nx = [\"b/f/g\"]\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b", "[features]\nf = []\n")), ("b/" + Lib, "")),
        new("dep: together with a slash", "Cargo.toml", 8, "includes `dep:b/f` with both `dep:` and `/`", "includes `dep:b/f` with both `dep:` and `/`",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", optional = true }\n[features]\nx = [\"dep:b/f\"]\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b", "[features]\nf = []\n")), ("b/" + Lib, "")),
        new("optional dependency named without its implicit feature", "Cargo.toml", 9, "`b` is an optional dependency without an implicit feature", "`b` is an optional dependency without an implicit feature",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", optional = true }\n[features]\nx = [\"dep:b\"]\ny = [\"b\"]\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("optional dependency in no feature", "Cargo.toml", 7, "optional dependency `b` is not included in any feature", "optional dependency `b` is not included in any feature",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", optional = true }\n[features]\nb = []\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("feature of a feature", "Cargo.toml", 7, "includes `y/f`, but `y` is not a dependency", "feature `x` includes `y/f`, but `y` is not a dependency",
            ("Cargo.toml", Package("a", "[features]\ny = []\nx = [\"y/f\"]\n")), (Lib, "")),
        new("feature name starting with dep:", "Cargo.toml", 6, "invalid feature name `dep:x`: it must not start with `dep:`", "is not allowed to start with `dep:`",
            ("Cargo.toml", Package("a", "[features]\n\"dep:x\" = []\n")), (Lib, "")),
        new("renamed package with an invalid name", "Cargo.toml", 6, "renames package `1b`, but that name must not start with a digit", "the name cannot start with a digit",
            ("Cargo.toml", Package("a", "[dependencies]\nc = { path = \"b\", package = \"1b\" }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("cfg key with a leading space", "Cargo.toml", 5, "failed to parse ` cfg(unix)` as a cfg expression", "failed to parse ` cfg(unix)` as a cfg expression",
            ("Cargo.toml", Package("a", "[target.' cfg(unix)'.dependencies]\nlog = \"0.4\"\n")), (Lib, "")),
        new("workspace dependency name with a leading digit", "Cargo.toml", 4, "invalid dependency name `1x`: it must not start with a digit", "the name cannot start with a digit",
            ("Cargo.toml", "[workspace]\nmembers = [\"b\"]\n[workspace.dependencies]\n1x = \"1\"\n"),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("patch name with a leading digit", "Cargo.toml", 6, "invalid dependency name `1log`: it must not start with a digit", "the name cannot start with a digit",
            ("Cargo.toml", Package("a", "[patch.crates-io]\n1log = { path = \"b\" }\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("patch path without a manifest", "Cargo.toml", 8, "path dependency `log` points at `nowhere`, which has no Cargo.toml", "nowhere/Cargo.toml",
            ("Cargo.toml", Package("a", "[dependencies]\nlog = \"0.4\"\n[patch.crates-io]\nlog = { path = \"nowhere\" }\n")), (Lib, "")),
        new("package without a name", "Cargo.toml", 1, "`package.name` is missing", "missing field `package.name`",
            ("Cargo.toml", "[package]\nversion = \"0.1.0\"\nedition = \"2021\"\n"), (Lib, "")),
        new("dependency name with a leading digit", "Cargo.toml", 6, "invalid dependency name `1b`: it must not start with a digit", "the name cannot start with a digit",
            ("Cargo.toml", Package("a", "[dependencies]\n1b = \"1\"\n")), (Lib, "")),
        new("future edition", "Cargo.toml", 4, "unknown edition `2027`", "`2027` edition",
            ("Cargo.toml", Package("a", edition: "2027")), (Lib, "")),
        new("glob matching a directory without a manifest", "Cargo.toml", 2, "workspace member `crates/docs` (matched by `crates/*`) has no Cargo.toml", "crates/docs/Cargo.toml",
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n"),
            ("crates/a/Cargo.toml", Package("a")), ("crates/a/" + Lib, ""),
            ("crates/docs/README.md", "not a package\n")),
        new("member inheriting lints its workspace does not define", "a/Cargo.toml", 6, "`lints` is inherited from the workspace, but Cargo.toml has no `workspace.lints`", "`workspace.lints` was not defined",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\"]\nresolver = \"2\"\n"),
            ("a/Cargo.toml", Package("a", "[lints]\nworkspace = true\n")), ("a/" + Lib, "")),
        new("patched non-member inheriting lints its workspace does not define", "vendor/itoa/Cargo.toml", 6, "Cargo.toml has no `workspace.lints`", "`workspace.lints` was not defined",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\"]\nresolver = \"2\"\n\n[patch.crates-io]\nitoa = { path = \"vendor/itoa\" }\n"),
            ("a/Cargo.toml", Package("a", "[dependencies]\nitoa = \"1\"\n")), ("a/" + Lib, ""),
            ("vendor/itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\nedition = \"2018\"\n[lints]\nworkspace = true\n"), ("vendor/itoa/" + Lib, "")),
        new("excluded package inheriting lints", "ex/Cargo.toml", 6, "`lints` is inherited from the workspace, but the package is in no workspace", "failed to find a workspace root",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\"]\nexclude = [\"ex\"]\nresolver = \"2\"\n\n[workspace.lints.rust]\nunsafe_code = \"forbid\"\n"),
            ("a/Cargo.toml", Package("a")), ("a/" + Lib, ""),
            ("ex/Cargo.toml", Package("ex", "[lints]\nworkspace = true\n")), ("ex/" + Lib, ""))
        {
            CargoDirectory = "ex",
        },
        new("explicit lockfile version 2", "Cargo.lock", 1, "lock file version `2`", "lock file version `2` was found",
            ("Cargo.toml", Package("a")), (Lib, ""),
            ("Cargo.lock", "version = 2\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\n")),
        new("lockfile package without a name", "Cargo.lock", 3, "has no name", "missing field `name`",
            ("Cargo.toml", Package("a")), (Lib, ""),
            ("Cargo.lock", "version = 3\n\n[[package]]\nversion = \"0.1.0\"\n")),
    ];

    public static IEnumerable<Accepted> AcceptedCases() =>
    [
        new("weak and dep: features of an optional dependency",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n"),
            ("a/Cargo.toml", Package("a", "[dependencies]\nb = { path = \"../b\", optional = true }\n[features]\nweak = [\"b?/f\"]\nstrong = [\"dep:b\", \"b/f\"]\n")), ("a/" + Lib, ""),
            ("b/Cargo.toml", Package("b", "[features]\nf = []\n")), ("b/" + Lib, "")),
        new("implicit feature of an optional dependency named by another feature",
            ("Cargo.toml", Package("a", "[dependencies]\nb = { path = \"b\", optional = true }\n[features]\ndefault = [\"b\"]\n")), (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, "")),
        new("dev-dependency cycle",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n"),
            ("a/Cargo.toml", Package("a", "[dev-dependencies]\nb = { path = \"../b\" }\n")), ("a/" + Lib, ""),
            ("b/Cargo.toml", Package("b", "[dependencies]\na = { path = \"../a\" }\n")), ("b/" + Lib, "")),
        new("edition 2024",
            ("Cargo.toml", Package("a", edition: "2024")), (Lib, "")),
        new("cfg expressions and a target name",
            ("Cargo.toml", Package("a",
                "[target.'cfg(all(unix, target_os = \"linux\"))'.dependencies]\nb = { path = \"b\" }\n"
                + "[target.'cfg(any(windows,))'.dependencies]\nc = { path = \"c\" }\n"
                + "[target.'cfg(not(target_env=\"msvc\"))'.dev-dependencies]\nd = { path = \"d\" }\n"
                + "[target.x86_64-unknown-linux-gnu.build-dependencies]\ne = { path = \"e\" }\n")),
            (Lib, ""),
            ("b/Cargo.toml", Package("b")), ("b/" + Lib, ""), ("c/Cargo.toml", Package("c")), ("c/" + Lib, ""),
            ("d/Cargo.toml", Package("d")), ("d/" + Lib, ""), ("e/Cargo.toml", Package("e")), ("e/" + Lib, "")),
        new("glob member directory left out by exclude",
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/docs\"]\nresolver = \"2\"\n"),
            ("crates/a/Cargo.toml", Package("a")), ("crates/a/" + Lib, ""),
            ("crates/docs/README.md", "not a package\n")),
        new("patch path inside the workspace that is neither member nor excluded, inheriting from it",
            ("Cargo.toml", "[workspace]\nmembers = [\"a\"]\nresolver = \"2\"\n\n[workspace.package]\nedition = \"2018\"\n\n[workspace.lints.rust]\nunsafe_code = \"forbid\"\n\n[patch.crates-io]\nitoa = { path = \"vendor/itoa\" }\n"),
            ("a/Cargo.toml", Package("a", "[dependencies]\nitoa = \"1\"\n")), ("a/" + Lib, ""),
            ("vendor/itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\nedition.workspace = true\n\n[lints]\nworkspace = true\n"), ("vendor/itoa/" + Lib, "pub fn format(n: u64) -> String { n.to_string() }\n")),
        new("unicode package name",
            ("Cargo.toml", Package("naïve_crate")), (Lib, "")),
    ];

    [TestCaseSource(nameof(RefusedCases))]
    [Category("Slow")] // starts cargo or git
    public async Task Cargo_and_the_scanner_both_refuse(Refused @case)
    {
        using var fixture = Write(@case.Files);

        var error = Should.Throw<PrewarmException>(() => RepositoryScanner.Scan(fixture.Root));

        error.Message.ShouldStartWith($"{@case.File}:{@case.Line}:");
        error.Message.ShouldContain(@case.Says);
        error.Message.ShouldNotContain("\n");
        var (exitCode, stderr) = await CargoMetadataAsync(Path.Combine(fixture.Root, @case.CargoDirectory));
        exitCode.ShouldNotBe(0, "cargo accepted it");
        stderr.ShouldContain(@case.CargoSays, Case.Sensitive, "cargo refuses it for another reason");
    }

    [TestCaseSource(nameof(AcceptedCases))]
    [Category("Slow")] // starts cargo or git
    public async Task Cargo_and_the_scanner_both_accept(Accepted @case)
    {
        using var fixture = Write(@case.Files);

        var repository = RepositoryScanner.Scan(fixture.Root);

        var (exitCode, stderr) = await CargoMetadataAsync(fixture.Root);
        exitCode.ShouldBe(0, stderr);
        (await OracleComparison.AssertMatchesCargoAsync(repository)).ShouldBeGreaterThan(0);
    }

    /// <summary>Cargo accepts it, but the path is the host's: in the Docker build context (and in the
    /// recipe's skeleton) the repository lives elsewhere, so Prewarm refuses it rather than make it relative.</summary>
    [Test]
    public void An_absolute_path_inside_the_repository_is_refused()
    {
        using var fixture = new CargoFixture();
        var absolute = Path.Combine(fixture.Root, "b").Replace('\\', '/');
        fixture.Write("b/Cargo.toml", Package("b")).Write("b/" + Lib, "")
            .Write("Cargo.toml", Package("a", $"[dependencies]\nb = {{ path = \"{absolute}\" }}\n")).Write(Lib, "");

        var error = Should.Throw<CargoManifestException>(() => RepositoryScanner.Scan(fixture.Root));

        error.Message.ShouldBe($"Cargo.toml:6:1: path dependency `b` has the absolute path `{absolute}`; only paths inside the repository are supported");
    }

    [Test]
    public void A_lockfile_version_key_of_the_wrong_type_names_its_position()
    {
        var error = Should.Throw<CargoManifestException>(() => LockfileParser.Parse("version = \"3\"\n", "Cargo.lock"));

        error.Message.ShouldBe("Cargo.lock:1:1: `version` must be an integer, found a string");
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_without_reading_all_of_it()
    {
        using var fixture = new CargoFixture();
        var path = Path.Combine(fixture.Root, "Cargo.toml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(TomlText.MaximumBytes + 1);
        }

        var error = Should.Throw<UnreadableFileException>(() => TomlText.ReadFile(path, "Cargo.toml"));

        error.Message.ShouldBe("Cargo.toml: is larger than the 8 MiB Prewarm reads");
    }

    [Test]
    public void A_file_at_the_size_limit_is_read()
    {
        using var fixture = new CargoFixture();
        var path = Path.Combine(fixture.Root, "big.toml");
        File.WriteAllText(path, "# " + new string('x', TomlText.MaximumBytes - 3) + "\n");

        TomlText.ReadFile(path, "big.toml").Length.ShouldBe(TomlText.MaximumBytes);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(64 * 1024 - 1)]
    [TestCase(64 * 1024)]
    [TestCase(64 * 1024 + 1)]
    [TestCase(300 * 1024)]
    public void A_file_of_any_size_under_the_limit_is_read_whole(int size)
    {
        using var fixture = new CargoFixture();
        var path = Path.Combine(fixture.Root, "sized.toml");
        var text = string.Create(size, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + (i % 26));
            }
        });
        File.WriteAllText(path, text);

        TomlText.ReadFile(path, "sized.toml").ShouldBe(text);
    }

    [Test]
    public void A_file_that_reports_no_size_is_read_to_its_end()
    {
        // /proc files say they are empty; a manifest behind such a handle must still be read whole.
        if (!File.Exists("/proc/self/status"))
        {
            Assert.Ignore("needs /proc");
        }

        var text = TomlText.ReadFile("/proc/self/status", "status");

        text.ShouldStartWith("Name:");
        text.ShouldContain("\nPid:");
    }

    [Test]
    public void Invalid_UTF8_names_its_byte_offset_after_a_pooled_read()
    {
        using var fixture = new CargoFixture();
        var path = Path.Combine(fixture.Root, "Cargo.toml");
        // Larger than the pooled buffer, so the read grows it before the decoder sees the bad byte.
        var bytes = Encoding.UTF8.GetBytes("# " + new string('x', 70 * 1024) + "\n").Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();
        File.WriteAllBytes(path, bytes);

        var error = Should.Throw<UnreadableFileException>(() => TomlText.ReadFile(path, "Cargo.toml"));

        error.Message.ShouldBe($"Cargo.toml: is not valid UTF-8 (byte offset {bytes.Length - 2})");
    }

    private static CargoFixture Write((string Path, string Text)[] files)
    {
        var fixture = new CargoFixture();
        foreach (var (path, text) in files)
        {
            fixture.Write(path, text);
        }

        return fixture;
    }

    /// <summary>Full <c>cargo metadata</c> (it resolves, so cycles and the lockfile are checked too).</summary>
    private static async Task<(int ExitCode, string Error)> CargoMetadataAsync(string root)
    {
        var result = await CargoProcess.RunAsync(root, ["metadata", "--format-version", "1", "--offline"], check: false);
        return (result.ExitCode, result.StandardError);
    }
}
