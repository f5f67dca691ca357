using Prewarm.Cake.Benchmarking;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Verification;
using Prewarm.Core.Recipes;

namespace Prewarm.Tests.Recipes;

/// <summary>Benchmark and the local Verify make the run's build identity: before, Benchmark with
/// <c>--profile=ci</c> built without <c>--profile</c>, and Verify with <c>--release --features=x</c> passed neither.</summary>
[TestFixture]
public sealed class IdentityArgumentsTests
{
    [Test]
    public void Benchmark_builds_with_the_profile_target_and_features()
    {
        var build = new BuildIdentity { Profile = "ci", Target = "x86_64-unknown-linux-gnu", Features = ["x"] };

        CargoArguments.For(BenchmarkBuilder.Settings(build, "/r", "/t", useSccache: false)).Render()
            .ShouldBe("build --profile \"ci\" --workspace --target \"x86_64-unknown-linux-gnu\" --features \"x\" --target-dir \"/t\" --message-format \"json\" --manifest-path \"/r/Cargo.toml\"");
    }

    [Test]
    public void The_local_verify_builds_and_reads_the_tree_of_the_same_build()
    {
        var build = new BuildIdentity { Profile = "release", Features = ["x"], Packages = ["api"] };

        CargoArguments.For(LocalBuild.BuildSettings("/r", "/t", build, useSccache: false)).Render()
            .ShouldBe("build --release -p \"api\" --features \"x\" --target-dir \"/t\" --message-format \"json\" --manifest-path \"/r/Cargo.toml\"");
        CargoArguments.For(LocalBuild.TreeSettings("/r", build)).Render()
            .ShouldBe("tree -e normal,build -p \"api\" --features \"x\" --prefix \"depth\" --format \"{p}\" --manifest-path \"/r/Cargo.toml\"");
    }
}
