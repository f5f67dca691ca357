using Prewarm.Core;
using Prewarm.Core.Docker;
using Prewarm.Core.Recipes;

namespace Prewarm.Tests.Docker;

/// <summary>The rendered builder Dockerfile: cache mounts owned by the build user and per
/// TARGETARCH, sccache, tiers, --locked, the source step's touch, and template errors.</summary>
[TestFixture]
public sealed class DockerfileRendererTests
{
    private static readonly DockerfileOptions Options = new() { RepositoryId = "shop", Uid = 4242, Gid = 4343, Tiers = ["core", "web"], LockedTiers = ["web"] };

    /// <summary>The last step of the real build: only the binaries cargo's messages name go to /build/bin.</summary>
    internal const string CopyBinaries = "sed -n 's/.*\"executable\":\"\\([^\"]*\\)\".*/\\1/p' /build/prewarm/build-messages.json | xargs -r cp -t /build/bin/";

    /// <summary>The recipe's build identity reaches every cargo step: the skeleton and the real build make the
    /// whole of it (profile, selection, target, feature switches), the tiers its profile and target, cargo tree
    /// its selection, target and features.</summary>
    [Test]
    public void The_build_identity_reaches_the_skeleton_the_real_build_the_tiers_and_the_tree()
    {
        var build = new BuildIdentity
        {
            Profile = "ci", Target = "x86_64-unknown-linux-gnu", Features = ["fast", "json"], NoDefaultFeatures = true,
            Packages = ["shop-domain"], Bins = ["shop"], BinPackages = ["shop-server"],
        };

        var dockerfile = new DockerfileRenderer().Render(Options with { Build = build });

        const string flags = "--profile ci -p shop-domain --bin shop --target x86_64-unknown-linux-gnu --features fast,json --no-default-features --locked";
        dockerfile.ShouldContain($"cargo build {flags} --message-format=json-render-diagnostics > /build/prewarm/skeleton-messages.json\n");
        dockerfile.ShouldContain($"cargo build {flags} --message-format=json-render-diagnostics > /build/prewarm/build-messages.json");
        dockerfile.ShouldContain("RUN cd /build/warmup/core && cargo build --profile ci --target x86_64-unknown-linux-gnu\n");
        dockerfile.ShouldContain("cargo tree -p shop-domain -p shop-server --target x86_64-unknown-linux-gnu --features fast,json --no-default-features -e normal,build");
        dockerfile.ShouldContain(CopyBinaries);
        dockerfile.ShouldNotContain("--workspace");
    }

    /// <summary>--rust-target: before anything compiles, the base image is checked for the target's standard
    /// library (a musl target also for musl-gcc), failing in one line that names what to install.</summary>
    [Test]
    public void A_rust_target_is_checked_in_the_base_image_before_the_tiers()
    {
        var gnu = new DockerfileRenderer().Render(Options with { Build = new BuildIdentity { Target = "x86_64-unknown-linux-gnu" } });
        var check = gnu.IndexOf("RUN ls \"$(rustc --print target-libdir --target x86_64-unknown-linux-gnu 2>/dev/null)\"/libstd-*.rlib", StringComparison.Ordinal);
        check.ShouldBeGreaterThan(0);
        check.ShouldBeLessThan(gnu.IndexOf("warmup/core", StringComparison.Ordinal));
        gnu.ShouldContain("prewarm --rust-target=x86_64-unknown-linux-gnu: no Rust standard library for x86_64-unknown-linux-gnu in the base image; install it: rustup target add x86_64-unknown-linux-gnu");

        var musl = new DockerfileRenderer().Render(Options with { Build = new BuildIdentity { Target = "x86_64-unknown-linux-musl" } });
        musl.ShouldContain("install it: rustup target add x86_64-unknown-linux-musl and apt-get install musl-tools");
        musl.ShouldContain("command -v musl-gcc >/dev/null || { echo \"prewarm --rust-target=x86_64-unknown-linux-musl: no musl-gcc in the base image; install musl-tools\" >&2; exit 1; }");
        new DockerfileRenderer().Render(Options).ShouldNotContain("--rust-target");

        Should.Throw<PrewarmException>(() => new DockerfileRenderer().Render(Options with { Build = new BuildIdentity { Target = "x86_64; rm -rf /" } }))
            .Message.ShouldStartWith("--rust-target=x86_64; rm -rf /: not a target triple");
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().Render(Options with { Cross = true, Build = new BuildIdentity { Target = "x86_64-unknown-linux-gnu" } }))
            .Message.ShouldStartWith("--cross sets each platform's target itself");
    }

    [Test]
    public void Cache_mounts_carry_the_build_user_and_the_target_dir_is_per_architecture()
    {
        var dockerfile = new DockerfileRenderer().Render(Options with { DependencyStorage = DependencyStorage.CacheMount });

        dockerfile.ShouldContain("--mount=type=cache,id=prewarm-target-${TARGETARCH}-4242,target=/build/target,uid=4242,gid=4343,sharing=locked");
        dockerfile.ShouldContain("id=prewarm-cargo-registry-4242,");
        dockerfile.ShouldNotContain("RUSTC_WRAPPER=");
        dockerfile.ShouldContain("USER 4242:4343");
    }

    /// <summary>The default: what the tiers and the skeleton compile stays in the layers (per
    /// platform), so the pushed image carries it; nothing that must survive is a cache mount.</summary>
    [Test]
    public void By_default_the_compiled_dependencies_are_in_the_image_per_platform()
    {
        var dockerfile = new DockerfileRenderer().Render(Options);

        dockerfile.ShouldContain("ENV CARGO_TARGET_DIR=/build/target/${TARGETARCH}\n");
        dockerfile.ShouldNotContain("--mount=type=cache");
        dockerfile.ShouldContain("RUN cd /build/warmup/core && cargo build --release\n");
        dockerfile.ShouldContain("RUN mkdir -p /build/prewarm \\\n && cargo build --release --workspace --locked --message-format=json-render-diagnostics > /build/prewarm/skeleton-messages.json\n");
        dockerfile.ShouldContain("in the image's layers (--deps-storage=image)");
    }

    [Test]
    public void With_sccache_in_the_image_mode_only_sccache_is_a_cache_mount()
    {
        var dockerfile = new DockerfileRenderer().Render(Options with { Sccache = true });

        dockerfile.ShouldContain("RUN --mount=type=cache,id=prewarm-sccache-${TARGETARCH}-4242,target=/cache/sccache,uid=4242,gid=4343,sharing=shared \\\n    cd /build/warmup/core");
        dockerfile.ShouldNotContain("prewarm-target-");
        dockerfile.ShouldNotContain("prewarm-cargo-registry-");
    }

    [TestCase("image", DependencyStorage.Image)]
    [TestCase("cache-mount", DependencyStorage.CacheMount)]
    public void Dependency_storage_parses_its_spellings(string value, DependencyStorage expected)
    {
        DependencyStorageNames.Parse(value).ShouldBe(expected);
        DependencyStorageNames.Spell(expected).ShouldBe(value);
    }

    [Test]
    public void An_unknown_dependency_storage_is_one_line_naming_the_choices() =>
        Should.Throw<PrewarmException>(() => DependencyStorageNames.Parse("volume")).Message.ShouldBe(
            "--deps-storage=volume: expected image (compiled dependencies in the image's layers) or cache-mount (in BuildKit cache mounts, this machine only).");

    [Test]
    public void Sccache_gets_its_own_mount_and_wrapper()
    {
        var dockerfile = new DockerfileRenderer().Render(Options with { Sccache = true });

        dockerfile.ShouldContain("--mount=type=cache,id=prewarm-sccache-${TARGETARCH}-4242,target=/cache/sccache,uid=4242,gid=4343,sharing=shared");
        dockerfile.ShouldContain("RUSTC_WRAPPER");
    }

    [Test]
    public void Tiers_build_in_order_and_only_locked_ones_with_locked()
    {
        var dockerfile = new DockerfileRenderer().Render(Options);

        var core = dockerfile.IndexOf("cd /build/warmup/core && cargo build --release\n", StringComparison.Ordinal);
        var web = dockerfile.IndexOf("cd /build/warmup/web && cargo build --release --locked\n", StringComparison.Ordinal);
        core.ShouldBeGreaterThan(0, dockerfile);
        web.ShouldBeGreaterThan(core, dockerfile);
    }

    [Test]
    public void The_source_step_touches_the_workspace_sources_but_not_patched_packages()
    {
        var plain = new DockerfileRenderer().Render(Options);
        var patched = new DockerfileRenderer().Render(Options with { RealSourceDirectories = ["vendor/it's", "vendor/itoa"] });

        plain.ShouldContain("find /build/src -name '*.rs' -exec touch {} +");
        patched.ShouldContain("find /build/src -name '*.rs' -not -path '/build/src/vendor/it'\\''s/*' -not -path '/build/src/vendor/itoa/*' -exec touch {} +");
    }

    [TestCase("../outside")]
    [TestCase("/abs")]
    [TestCase("")]
    public void A_source_directory_outside_the_skeleton_is_refused(string directory)
    {
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().Render(Options with { RealSourceDirectories = [directory] }))
            .Message.ShouldContain("not a path inside the skeleton");
    }

    [Test]
    public void An_override_template_with_an_unknown_placeholder_is_one_clear_line()
    {
        using var templates = new TemporaryDirectory("prewarm-templates-");
        File.WriteAllText(Path.Combine(templates.Path, "Dockerfile.template"), "FROM {{base_image}}\nRUN {{no_such_value}}\n");

        var error = Should.Throw<PrewarmException>(() => new DockerfileRenderer(DockerTemplates.WithOverrides(templates.Path)).Render(Options));

        error.Message.ShouldContain("{{no_such_value}}");
        error.Message.ShouldNotContain("\n");
    }
}
