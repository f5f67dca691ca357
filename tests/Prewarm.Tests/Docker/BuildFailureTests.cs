using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

[TestFixture]
public sealed class BuildFailureTests
{
    [Test]
    public void Names_the_failing_command_and_cargos_innermost_cause()
    {
        const string Progress = """
            #12 [builder  7/13] COPY --chown=1001:1001 prewarm/warmup/core/ /build/warmup/core/
            #12 DONE 0.0s

            #13 [builder  8/13] RUN --mount=type=cache,id=prewarm-cargo-registry-1001,target=/home/build/.cargo/registry,uid=1001,gid=1001,sharing=locked     --mount=type=cache,id=prewarm-target-amd64-1001,target=/build/target,uid=1001,gid=1001,sharing=locked     cd /build/warmup/core && cargo build --release --locked
            #13 sha256:39a1140bc9183c5e88b0e9e97cd8223ffe404e51e6090891b875130cf60a24bc
            #13 0.393 error: failed to parse lock file at: /build/warmup/core/Cargo.lock
            #13 0.394
            #13 0.394 Caused by:
            #13 0.394   lock file version `4` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?
            #13 ERROR: executor failed running [/bin/sh -c cd /build/warmup/core && cargo build --release --locked]: exit code: 101
            """;

        BuildFailure.Explain(Progress).ShouldBe(
            "`cd /build/warmup/core && cargo build --release --locked` failed: error: failed to parse lock file at: /build/warmup/core/Cargo.lock "
            + "(lock file version `4` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?)");
    }

    [Test]
    public void A_compile_error_without_causes_is_the_first_error_line()
    {
        const string Progress = """
            #20 [builder 12/13] RUN cargo build --locked
            #20 1.201    Compiling shop-domain v0.0.1 (/build/src/crates/domain)
            #20 1.502 error[E0425]: cannot find value `x` in this scope
            #20 1.502  --> crates/domain/src/lib.rs:3:5
            #20 1.610 error: could not compile `shop-domain` (lib) due to 1 previous error
            #20 ERROR: process "/bin/sh -c cargo build --locked" did not complete successfully: exit code: 101
            """;

        BuildFailure.Explain(Progress).ShouldBe("`cargo build --locked` failed: error[E0425]: cannot find value `x` in this scope");
    }

    [Test]
    public void A_step_that_printed_no_error_line_gives_its_last_line_and_a_successful_build_nothing()
    {
        BuildFailure.Explain("#5 [builder 2/3] RUN false\n#5 0.2 nothing useful\n#5 ERROR: exit code: 1\n")
            .ShouldBe("`false` failed: nothing useful");
        BuildFailure.Explain("#5 [builder 2/3] RUN true\n#5 DONE 0.1s\n").ShouldBeNull();
    }
}
