using Prewarm.Core;
using Prewarm.Core.Docker;
using Prewarm.Core.Recipes;
using Prewarm.Core.Settings;

namespace Prewarm.Tests.Docker;

/// <summary>--cross as rendered: the cargo steps in stages on $BUILDPLATFORM compiling with each
/// target's triple and linker, the toolchain checked first, and the image for TARGETPLATFORM made
/// without a RUN step from what they compiled.</summary>
[TestFixture]
public sealed class CrossRenderingTests
{
    private static readonly DockerfileOptions Options = new() { RepositoryId = "shop", Uid = 4242, Gid = 4343, Tiers = ["core"], Build = new() { Profile = "release" }, Cross = true };

    private static string Render(DockerfileOptions options) => new DockerfileRenderer().Render(options);

    [Test]
    public void The_cargo_steps_run_on_the_build_platform_with_each_targets_triple_and_linker()
    {
        var dockerfile = Render(Options);

        dockerfile.ShouldContain("FROM --platform=$BUILDPLATFORM ${BASE_IMAGE} AS cross-base\n");
        dockerfile.ShouldContain("FROM cross-base AS cross-arm64\nENV CARGO_BUILD_TARGET=aarch64-unknown-linux-gnu \\\n    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \\\n    CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc\n");
        dockerfile.ShouldContain("FROM cross-base AS cross-amd64\nENV CARGO_BUILD_TARGET=x86_64-unknown-linux-gnu \\\n");
        dockerfile.ShouldContain("FROM cross-${TARGETARCH} AS cross\n");
        // Every cargo step is in the cross stage, before the last FROM.
        var final = dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal);
        dockerfile.LastIndexOf("cargo build", StringComparison.Ordinal).ShouldBeLessThan(final);
        dockerfile.ShouldContain("RUN cd /build/warmup/core && cargo build --release\n");
        // Per-TARGETARCH target directories stay; cargo adds the triple below it.
        dockerfile.ShouldContain("ENV CARGO_TARGET_DIR=/build/target/${TARGETARCH}\n");
        // The binaries are those the real build's messages name: cargo wrote them below the triple.
        dockerfile.ShouldContain(DockerfileRendererTests.CopyBinaries);
    }

    [Test]
    public void The_toolchain_is_checked_before_anything_compiles()
    {
        var dockerfile = Render(Options);
        var arm64 = dockerfile.IndexOf("FROM cross-base AS cross-arm64", StringComparison.Ordinal);
        var check = dockerfile.IndexOf("RUN command -v aarch64-linux-gnu-gcc >/dev/null || { echo \"prewarm --cross: no aarch64-linux-gnu-gcc", StringComparison.Ordinal);

        check.ShouldBeGreaterThan(arm64);
        check.ShouldBeLessThan(dockerfile.IndexOf("cargo build", StringComparison.Ordinal));
        dockerfile.ShouldContain("rustc --print target-libdir --target aarch64-unknown-linux-gnu");
        dockerfile.ShouldContain("install libstd-rust-dev:arm64 (after dpkg --add-architecture arm64)");
    }

    [Test]
    public void The_image_for_the_target_platform_has_no_run_step_and_takes_what_the_cross_stage_compiled()
    {
        var dockerfile = Render(Options);
        var final = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        final.ShouldStartWith("\nFROM ${BASE_IMAGE} AS builder\nARG TARGETARCH\n");
        final.ShouldNotContain("RUN ");
        final.ShouldContain("COPY --from=cross --chown=4242:4343 /build/ /build/\n");
        final.ShouldContain("COPY --from=cross --chown=4242:4343 /home/build/.cargo/ /home/build/.cargo/\n");
        final.ShouldContain("ENV CARGO_HOME=/home/build/.cargo CARGO_TARGET_DIR=/build/target/${TARGETARCH} PATH=/build/bin:$PATH\n");
        final.ShouldEndWith("USER 4242:4343\nWORKDIR /build/src\n");
    }

    [Test]
    public void Same_options_same_bytes_and_without_cross_nothing_changes()
    {
        Render(Options).ShouldBe(Render(Options with { }));

        var native = Render(Options with { Cross = false });
        native.ShouldNotContain("BUILDPLATFORM");
        native.ShouldNotContain("CARGO_BUILD_TARGET");
        native.ShouldContain("FROM ${BASE_IMAGE} AS builder\n");
        native.ShouldContain(DockerfileRendererTests.CopyBinaries);
        native.ShouldEndWith("ENV PATH=/build/bin:$PATH\n");
    }

    [Test]
    public void Cross_is_recorded_for_the_image_and_verify()
    {
        DockerfileRecord.From(Options).Cross.ShouldBeTrue();
        StageJson.Serialize(DockerfileRecord.From(Options)).ShouldContain("\"cross\": true");
        DockerfileRecord.From(Options with { Cross = false }).Cross.ShouldBeFalse();
        new DockerSettings { Cross = true }.Rendering("shop").Cross.ShouldBeTrue();
    }

    [Test]
    public void What_cross_cannot_do_is_one_line()
    {
        Should.Throw<PrewarmException>(() => Render(Options with { Layout = CargoLayout.Symlinked })).Message.ShouldStartWith("--cross: ");
        Should.Throw<PrewarmException>(() => Render(Options with { BuilderImage = "b:1", Tiers = [] })).Message.ShouldStartWith("--cross: ");
        Should.Throw<PrewarmException>(() => new DockerfileRenderer().RenderBuilder(Options, [new BuilderRepository("shop", true, new BuildIdentity())])).Message.ShouldStartWith("--cross: ");
    }

    [Test]
    public void Each_target_platform_has_a_triple_a_linker_and_the_packages_that_provide_them()
    {
        var arm64 = CrossTarget.For(BuildPlatform.Parse("linux/arm64"));

        arm64.Triple.ShouldBe("aarch64-unknown-linux-gnu");
        arm64.LinkerVariable.ShouldBe("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER");
        arm64.CompilerVariable.ShouldBe("CC_aarch64_unknown_linux_gnu");
        arm64.CheckScript().ShouldContain("install gcc-aarch64-linux-gnu libc6-dev-arm64-cross or build without --cross");
        CrossTarget.For(BuildPlatform.Parse("linux/amd64")).Triple.ShouldBe("x86_64-unknown-linux-gnu");
        Should.Throw<PrewarmException>(() => CrossTarget.For(BuildPlatform.Parse("linux/arm/v7")))
            .Message.ShouldBe("--cross: no cross target for linux/arm/v7 (known: linux/amd64, linux/arm64); build it without --cross (emulated).");
    }
}
