using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>docker manifest inspect's answers for a --cache-from image, as docker 20.10 prints them.</summary>
[TestFixture]
public sealed class CacheSourceCheckTests
{
    [Test]
    public void An_image_in_the_registry_is_found() =>
        CacheSourceCheck.Classify(0, "{\"schemaVersion\": 2}").ShouldBe(CacheSourceStatus.Found);

    [Test]
    public void A_missing_tag_in_an_answering_registry_is_a_first_run() =>
        CacheSourceCheck.Classify(1, "no such manifest: 127.0.0.1:5000/nope/x:1").ShouldBe(CacheSourceStatus.NotFound);

    [Test]
    public void A_registry_that_does_not_answer_stops_the_build()
    {
        const string Output = "failed to configure transport: error pinging v2 registry: Get \"https://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused";

        CacheSourceCheck.Classify(1, Output).ShouldBe(CacheSourceStatus.Unreachable);
        CacheSourceCheck.UnreachableError("127.0.0.1:5999/nope/x:1", Output)
            .ShouldStartWith("--cache-from 127.0.0.1:5999/nope/x:1: the registry 127.0.0.1:5999 cannot be read (failed to configure transport");
    }

    [Test]
    public void The_warning_for_a_missing_image_says_the_build_is_cold() =>
        CacheSourceCheck.NotFoundWarning("127.0.0.1:5000/a/b:main").ShouldContain("compiles cold");
}
