using Prewarm.Core;
using Prewarm.Core.Docker;
using Prewarm.Core.Settings;

namespace Prewarm.Tests.Docker;

/// <summary>The seed a build starts from: nothing before the first image; the previous image itself after a
/// dependency change; while the dependency inputs stay the same, the seed the previous image was built from,
/// so every dependency step keeps its cache key.</summary>
[TestFixture]
public sealed class SeedImageTests
{
    private static PreviousImage Previous(string? inputs, string? seed) => new(
        "acme/app:latest",
        "127.0.0.1:5000/acme/app@sha256:" + new string('b', 64),
        new Dictionary<string, string>
        {
            [SeedImage.InputsLabel] = inputs!,
            [SeedImage.SeedLabel] = seed!,
        }.Where(l => l.Value is not null).ToDictionary());

    [Test]
    public void No_previous_image_is_no_seed()
    {
        var seed = SeedImage.Choose(null, "inputs-1", _ => true);

        seed.IsNone.ShouldBeTrue();
        seed.Reference.ShouldBe("scratch");
    }

    [Test]
    public void Changed_dependency_inputs_seed_from_the_previous_image_pinned_by_digest()
    {
        var seed = SeedImage.Choose(Previous("inputs-1", "scratch"), "inputs-2", _ => true);

        seed.Reference.ShouldBe("127.0.0.1:5000/acme/app@sha256:" + new string('b', 64));
        seed.Reason.ShouldStartWith("dependency inputs changed since acme/app:latest");
        seed.IsPrevious.ShouldBeTrue();
    }

    [Test]
    public void Unchanged_dependency_inputs_reuse_the_seed_the_previous_image_was_built_from()
    {
        SeedImage.Choose(Previous("inputs-1", "scratch"), "inputs-1", _ => false).Reference.ShouldBe("scratch");
        // A local seed tag has one name per tag: the previous image's seed keeps it, and it must not move.
        var local = new PreviousImage("acme/app:latest", "acme/app:prewarm-seed-latest", new Dictionary<string, string>
        {
            [SeedImage.InputsLabel] = "inputs-1", [SeedImage.SeedLabel] = "acme/app:prewarm-seed-latest",
        });
        var kept = SeedImage.Choose(local, "inputs-1", _ => true);
        kept.Reference.ShouldBe("acme/app:prewarm-seed-latest");
        kept.IsPrevious.ShouldBeFalse();
        SeedImage.Choose(Previous("inputs-1", "acme/app@sha256:aaa"), "inputs-1", r => r == "acme/app@sha256:aaa").Reference.ShouldBe("acme/app@sha256:aaa");
    }

    [Test]
    public void A_recorded_seed_the_engine_cannot_get_falls_back_to_the_previous_image()
    {
        var seed = SeedImage.Choose(Previous("inputs-1", "acme/app:prewarm-seed-0123456789ab"), "inputs-1", _ => false);

        seed.Reference.ShouldBe(Previous(null, null).Pinned);
        seed.Reason.ShouldContain("is gone");
    }

    [Test]
    public void A_never_pushed_previous_image_is_pinned_by_one_seed_tag_per_tag()
    {
        PreviousImage.SeedTagFor("acme/app:main").ShouldBe("acme/app:prewarm-seed-main");
        PreviousImage.SeedTagFor("127.0.0.1:5000/acme/app:1-linux-arm64").ShouldBe("127.0.0.1:5000/acme/app:prewarm-seed-1-linux-arm64");
        PreviousImage.SeedTagFor("acme/app").ShouldBe("acme/app:prewarm-seed-latest");
    }

    [Test]
    public void An_image_without_labels_seeds_as_a_changed_one()
    {
        SeedImage.Choose(Previous(null, null), "inputs-1", _ => true).Reason.ShouldContain("records no dependency inputs");
    }

    [Test]
    public void Dependency_inputs_follow_the_dependency_context_not_the_sources_nor_the_seed_argument()
    {
        using var context = new TemporaryDirectory("prewarm-seed-inputs");
        Directory.CreateDirectory(Path.Combine(context.Path, "prewarm", "skeleton"));
        Directory.CreateDirectory(Path.Combine(context.Path, "source"));
        File.WriteAllText(Path.Combine(context.Path, "prewarm", "skeleton", "Cargo.toml"), "[package]\nname = \"a\"\n");
        File.WriteAllText(Path.Combine(context.Path, "source", "main.rs"), "fn main() {}\n");
        string Inputs(params KeyValuePair<string, string>[] arguments) => SeedInputs.Compute("FROM x\n", context.Path, "linux/amd64", arguments);

        var before = Inputs();
        File.WriteAllText(Path.Combine(context.Path, "source", "main.rs"), "fn main() { println!(); }\n");
        Inputs(new KeyValuePair<string, string>(SeedImage.BuildArgument, "acme/app@sha256:ccc")).ShouldBe(before);
        SeedInputs.Compute("FROM x\n", context.Path, "linux/arm64", []).ShouldNotBe(before);
        Inputs(new KeyValuePair<string, string>("RUSTFLAGS", "-Copt-level=2")).ShouldNotBe(before);

        File.WriteAllText(Path.Combine(context.Path, "prewarm", "skeleton", "Cargo.toml"), "[package]\nname = \"a\"\n[dependencies]\nitoa = \"1\"\n");
        Inputs().ShouldNotBe(before);
    }

    [Test]
    public void A_seeded_dockerfile_has_the_seed_stage_copies_it_before_the_tiers_and_prunes_after_the_build()
    {
        var options = new DockerfileOptions { RepositoryId = "shop", Tiers = ["core"], Seed = true };

        var dockerfile = new DockerfileRenderer().Render(options);

        dockerfile.ShouldContain("ARG PREWARM_SEED=scratch\nFROM ${PREWARM_SEED} AS seed\n");
        var copy = dockerfile.IndexOf("RUN --mount=type=bind,from=seed,target=/prewarm-seed mkdir -p /build/prewarm/tiers /build/target/${TARGETARCH}", StringComparison.Ordinal);
        copy.ShouldBeGreaterThan(0);
        copy.ShouldBeLessThan(dockerfile.IndexOf("COPY --chown=1001:1001 prewarm/warmup/core/", StringComparison.Ordinal));
        dockerfile.ShouldContain("tar -C /prewarm-seed/build/target/${TARGETARCH} -cf - . | tar -C /build/target/${TARGETARCH} --skip-old-files -xf -");
        dockerfile.ShouldContain("cargo build --release --message-format=json-render-diagnostics > /build/prewarm/tiers/tier-core.json");
        dockerfile.IndexOf("join -v 1", StringComparison.Ordinal).ShouldBeGreaterThan(dockerfile.IndexOf(DockerfileRendererTests.CopyBinaries, StringComparison.Ordinal));

        var plain = new DockerfileRenderer().Render(options with { Seed = false });
        plain.ShouldNotContain("PREWARM_SEED");
        plain.ShouldNotContain("join -v 1");
        plain.ShouldNotContain("tier-core.json");
    }

    [Test]
    public void Seeding_is_the_default_where_the_target_directory_is_in_the_layers_and_refused_where_it_cannot_be()
    {
        new DockerSettings().Seeds.ShouldBeTrue();
        new DockerSettings { Cross = true }.Seeds.ShouldBeFalse();
        new DockerSettings { DependencyStorage = DependencyStorage.CacheMount }.Seeds.ShouldBeFalse();
        new DockerSettings { Seed = false }.Seeds.ShouldBeFalse();

        Should.Throw<PrewarmException>(() => new DockerfileRenderer().Render(new DockerSettings { Cross = true, Seed = true }.Rendering("shop")))
            .Message.ShouldStartWith("--seed: ");
    }
}
