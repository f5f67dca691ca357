using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toml;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Scanning;

/// <summary>Each kind of bad input gives one clear <see cref="PrewarmException"/> naming the file.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private CargoFixture _fixture = null!;

    [SetUp]
    public void SetUp() =>
        _fixture = new CargoFixture()
            .Write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n")
            .Write("crates/a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n")
            .Write("crates/a/src/lib.rs", "");

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void The_good_fixture_scans()
    {
        RepositoryScanner.Scan(_fixture.Root).Packages.ShouldHaveSingleItem().Name.ShouldBe("a");
    }

    [Test]
    public void Malformed_toml_names_file_line_and_column()
    {
        _fixture.Write("crates/a/Cargo.toml", "[package]\nname = \"a\"\nversion = = \"0.1.0\"\n");

        var error = Should.Throw<CargoManifestException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldStartWith("crates/a/Cargo.toml:3:11: ");
        (error.Line, error.Column).ShouldBe((3, 11));
    }

    [Test]
    public void A_member_glob_matching_nothing_is_an_error()
    {
        _fixture.Write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\", \"plugins/*\"]\n");

        var error = Should.Throw<WorkspaceLayoutException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldBe("Cargo.toml:2:1: workspace member pattern `plugins/*` matches no directory");
    }

    [Test]
    public void A_missing_path_dependency_is_an_error()
    {
        _fixture.Write("crates/a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nb = { path = \"../b\" }\n");

        var error = Should.Throw<WorkspaceLayoutException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldBe("crates/a/Cargo.toml:5:1: path dependency `b` points at `crates/b`, which has no Cargo.toml");
    }

    [Test]
    public void A_symlink_loop_is_an_error()
    {
        Directory.CreateSymbolicLink(Path.Combine(_fixture.Root, "crates", "a", "loop"), "..");

        var error = Should.Throw<WorkspaceLayoutException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldStartWith("crates/a/loop: symbolic link loop");
    }

    [Test]
    public void A_non_utf8_manifest_is_an_error()
    {
        File.WriteAllBytes(Path.Combine(_fixture.Root, "crates", "a", "Cargo.toml"), [.. "[package]\nname = \"a\xE9\"\n"u8.ToArray()[..^3], 0xE9, (byte)'"', (byte)'\n']);

        var error = Should.Throw<UnreadableFileException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldStartWith("crates/a/Cargo.toml: is not valid UTF-8");
    }

    [Test]
    public void An_unreadable_manifest_is_an_error()
    {
        var manifest = Path.Combine(_fixture.Root, "crates", "a", "Cargo.toml");
        if (Environment.UserName == "root")
        {
            // Permissions do not stop root; /proc/self/mem refuses a read at offset 0 (EIO) for anyone.
            File.Delete(manifest);
            File.CreateSymbolicLink(manifest, "/proc/self/mem");
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(manifest, UnixFileMode.None);
        }

        var error = Should.Throw<UnreadableFileException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldStartWith("crates/a/Cargo.toml: ");
        error.Message.ShouldContain(Environment.UserName == "root" ? "cannot be read" : "permission denied");
    }

    [Test]
    public void A_repository_without_any_manifest_is_an_error()
    {
        File.Delete(Path.Combine(_fixture.Root, "Cargo.toml"));
        Directory.Delete(Path.Combine(_fixture.Root, "crates"), recursive: true);

        var error = Should.Throw<RepositoryScanException>(() => RepositoryScanner.ScanAll([_fixture.Root]));

        error.Message.ShouldBe($"{_fixture.Root}/Cargo.toml: not found: the repository has no Cargo.toml at its root or below it");
    }

    [Test]
    public void Edition_2024_refuses_to_drop_inherited_default_features_like_cargo()
    {
        _fixture.Write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\nanyhow = \"1\"\n")
            .Write("crates/a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\nanyhow = { workspace = true, default-features = false }\n");

        var error = Should.Throw<CargoManifestException>(() => RepositoryScanner.Scan(_fixture.Root));

        error.Message.ShouldBe("crates/a/Cargo.toml:7:1: dependency `anyhow`: `default-features = false` cannot override the workspace's `default-features` (edition 2024)");
    }
}
