using NUnit.Framework;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Reliability.RandomWorkspaces;
using Prewarm.Tests.Support;
using Shouldly;

namespace Prewarm.Tests.Recipes;

/// <summary>The skeleton's masked Cargo.lock must be the file cargo itself would write for the
/// skeleton: <c>cargo metadata --locked</c> on it resolves the original's graph.</summary>
[TestFixture]
public sealed class SkeletonLockfileTests
{
    [Test]
    public async Task A_workspace_crate_also_locked_from_the_registry_at_the_same_version_keeps_both_in_the_skeleton()
    {
        // clap: clap_builder is a member and, at the same version, a registry package. Masking the
        // member's version makes the versions unique, so cargo writes the registry reference
        // without its source ("clap_builder 4.6.6"), and the masked file must too.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"cell\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nonce_cell = { path = \"../cell\" }\nupstream = { package = \"once_cell\", version = \"=1.17.0\" }\n")
            .Write("app/src/lib.rs", "")
            .Write("cell/Cargo.toml", "[package]\nname = \"once_cell\"\nversion = \"1.17.0\"\nedition = \"2021\"\n")
            .Write("cell/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root))));

        (await ResolvedGraph.ReadAsync(skeleton.Path, "Cargo.toml")).ShouldBe(await ResolvedGraph.ReadAsync(fixture.Root, "Cargo.toml"));
    }
}
