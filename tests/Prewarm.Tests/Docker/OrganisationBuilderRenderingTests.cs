using Prewarm.Core;
using Prewarm.Core.Docker;
using Prewarm.Core.Recipes;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Docker;

/// <summary>The organisation builder image on plain inputs: its Dockerfile, a repository's Dockerfile
/// FROM it, its label and content tag, the fingerprint of its inputs, and the supply Verify reports.</summary>
[TestFixture]
public sealed class OrganisationBuilderRenderingTests
{
    private static readonly BuildIdentity Release = new() { Profile = "release" };

    private static readonly DockerfileOptions Options = new() { RepositoryId = "_builder", Uid = 4242, Gid = 4343, Tiers = ["core", "web"], LockedTiers = ["web"] };

    [Test]
    public void The_builder_compiles_the_tiers_and_every_repositorys_skeleton_into_its_layers()
    {
        var dockerfile = new DockerfileRenderer().RenderBuilder(Options, [new BuilderRepository("shop", true, Release), new BuilderRepository("billing", false, Release)]);

        dockerfile.ShouldContain("ENV CARGO_TARGET_DIR=/build/target/${TARGETARCH}\n");
        dockerfile.ShouldNotContain("--mount=type=cache");
        dockerfile.ShouldContain("RUN cd /build/warmup/core && cargo build --release --message-format=json-render-diagnostics > /build/prewarm/builder/tier-core.json\n");
        dockerfile.ShouldContain("COPY --chown=4242:4343 prewarm/skeletons/shop/ /build/skeletons/shop/\n");
        dockerfile.ShouldContain("cargo build --release --workspace --locked --message-format=json-render-diagnostics > /build/prewarm/builder/skeleton-shop.json\n");
        dockerfile.ShouldContain("cargo build --release --workspace --message-format=json-render-diagnostics > /build/prewarm/builder/skeleton-billing.json\n");
        dockerfile.IndexOf("skeletons/shop/", StringComparison.Ordinal).ShouldBeGreaterThan(dockerfile.IndexOf("warmup/web/", StringComparison.Ordinal));
        dockerfile.ShouldContain("COPY --chown=4242:4343 prewarm/builder.json /build/prewarm/builder.json");
    }

    [Test]
    public void A_builder_in_cache_mounts_or_of_no_repository_is_refused()
    {
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().RenderBuilder(Options with { DependencyStorage = DependencyStorage.CacheMount }, [new BuilderRepository("shop", true, Release)]))
            .Message.ShouldContain("--deps-storage=cache-mount cannot make one");
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().RenderBuilder(Options, [])).Message.ShouldContain("at least one --repo");
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().RenderBuilder(Options, [new BuilderRepository("my shop", true, Release)])).Message.ShouldContain("'my shop'");
    }

    [Test]
    public void A_repository_from_a_builder_image_skips_the_tiers_and_starts_as_root()
    {
        var dockerfile = new DockerfileRenderer().Render(new DockerfileOptions { RepositoryId = "reports", BuilderImage = "r/builder:0123456789abcdef" });

        dockerfile.ShouldContain("ARG BASE_IMAGE=r/builder:0123456789abcdef\n");
        dockerfile.ShouldContain("ARG TARGETARCH\n# A builder image (--builder-image) ends as its build user; the set-up below needs root.\nUSER root\n");
        dockerfile.ShouldNotContain("/build/warmup/");
        dockerfile.ShouldContain("builds every dependency the builder image r/builder:0123456789abcdef lacks.");
        dockerfile.ShouldContain("> /build/prewarm/skeleton-messages.json");
        dockerfile.ShouldNotContain("chown -R");
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().Render(new DockerfileOptions { RepositoryId = "r", BuilderImage = "b:1", Tiers = ["core"] }));
    }

    [Test]
    public void The_label_names_what_would_make_the_builder_useless()
    {
        var label = new BuilderLabel { Fingerprint = "ab", BaseImage = "base:1", Profile = "release", Uid = 1001, Gid = 1001 };

        label.Mismatch("b:1", "release", 1001, 1001).ShouldBeNull();
        label.Mismatch("b:1", "dev", 2000, 2000).ShouldBe(
            "--builder-image b:1 was built with profile release (this build: dev) and build user 1001:1001 (this build: 2000:2000): nothing it compiled would be reused. Rebuild it with the same --profile/--uid/--gid, or render this Dockerfile with its.");
        BuilderLabel.Parse(label.ToJson(), "b:1").ShouldBe(label);
        Should.Throw<PrewarmException>(() => BuilderLabel.Parse(null, "b:1")).Message.ShouldContain("not made by the BuilderImage task");
    }

    [TestCase("127.0.0.1:5000/acme/builder:latest", "127.0.0.1:5000/acme/builder:0123456789abcdef")]
    [TestCase("acme/builder", "acme/builder:0123456789abcdef")]
    public void The_content_tag_keeps_the_repository_and_names_the_fingerprint(string tag, string expected) =>
        new BuilderContents { Fingerprint = "0123456789abcdef0123", BaseImage = "b", Profile = "release", Uid = 1, Gid = 1, Tiers = new Dictionary<string, IReadOnlyList<string>>(), Repositories = [] }
            .ContentTag(tag).ShouldBe(expected);

    [Test]
    public void The_fingerprint_depends_on_bytes_and_paths_not_on_location_or_time()
    {
        using var one = new TemporaryDirectory("prewarm-fp-");
        using var two = new TemporaryDirectory("prewarm-fp-");
        foreach (var root in new[] { one.Path, two.Path })
        {
            Directory.CreateDirectory(Path.Combine(root, "prewarm", "skeletons", "shop"));
            File.WriteAllText(Path.Combine(root, "prewarm", "skeletons", "shop", "Cargo.toml"), "[package]\nname = \"shop\"\n");
            File.WriteAllText(Path.Combine(root, "prewarm", "builder.json"), Guid.NewGuid().ToString());
        }

        File.SetLastWriteTimeUtc(Path.Combine(two.Path, "prewarm", "skeletons", "shop", "Cargo.toml"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var first = ContextFingerprint.Compute("FROM x\n", one.Path, ["prewarm/builder.json"]);

        ContextFingerprint.Compute("FROM x\n", two.Path, ["prewarm/builder.json"]).ShouldBe(first);
        ContextFingerprint.Compute("FROM y\n", two.Path, ["prewarm/builder.json"]).ShouldNotBe(first);
        File.AppendAllText(Path.Combine(two.Path, "prewarm", "skeletons", "shop", "Cargo.toml"), "\n");
        ContextFingerprint.Compute("FROM x\n", two.Path, ["prewarm/builder.json"]).ShouldNotBe(first);
    }

    [Test]
    public void The_supply_names_why_each_compiled_crate_was_not_taken_from_the_builder()
    {
        const string Registry = "registry+https://github.com/rust-lang/crates.io-index";
        CompilerArtifact Unit(string name, string version, bool fresh, params string[] features) =>
            new(new CargoPackageId(name, version, Registry), name, ["lib"], fresh) { Features = features };
        var builder = new[] { Unit("serde", "1.0.152", false, "derive", "rc", "std"), Unit("log", "0.4.17", false), Unit("regex", "1.7.0", false, "std") };
        var skeleton = new[]
        {
            Unit("log", "0.4.17", true), Unit("serde", "1.0.152", false, "derive", "std"), Unit("itertools", "0.10.3", false, "use_std"),
            Unit("regex", "1.7.1", false, "std"),
            new CompilerArtifact(new CargoPackageId("reports", "0.1.0", "path+file:///build/src"), "reports", ["bin"], false),
        };

        var supply = BuilderSupply.From(skeleton, builder);

        supply.FromBuilderImage.ShouldBe(1);
        supply.CompiledInSkeleton.ShouldBe(3);
        supply.SharePercent.ShouldBe(25);
        supply.Missed.ShouldBe(
        [
            new MissedUnit("itertools", "0.10.3", "not in the builder image"),
            new MissedUnit("regex", "1.7.1", "builder has 1.7.0; this repository 1.7.1"),
            new MissedUnit("serde", "1.0.152", "builder has derive,rc,std; this repository derive,std"),
        ]);
    }
}
