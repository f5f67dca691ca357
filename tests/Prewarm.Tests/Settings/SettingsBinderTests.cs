using Prewarm.Core;
using Prewarm.Core.Configuration;
using Prewarm.Core.Docker;
using Prewarm.Core.Settings;

namespace Prewarm.Tests.Settings;

/// <summary>Options become typed settings in one place, each with one type and one default.</summary>
[TestFixture]
public sealed class SettingsBinderTests
{
    private static PrewarmSettings Bind(Dictionary<string, string[]> values, out OptionReader reader)
    {
        reader = new OptionReader(name => values.TryGetValue(name, out var v) ? v : null);
        return SettingsBinder.Bind(reader, "/work");
    }

    [Test]
    public void Every_catalog_option_binds_to_a_setting()
    {
        Bind([], out var reader);

        var catalog = OptionCatalog.All.Select(o => o.Argument).ToHashSet(StringComparer.Ordinal);
        var unbound = catalog.Except(reader.Read).Order(StringComparer.Ordinal).ToList();
        unbound.ShouldBeEmpty("catalog options no setting binds");
    }

    [Test]
    public void Each_option_has_one_default()
    {
        var settings = Bind([], out _);

        settings.Shared.Repositories.ShouldBe(["/work"]);
        settings.Shared.Artifacts.ShouldBe("/work/artifacts/prewarm");
        settings.Shared.Layout.ScanDocument.ShouldBe("/work/artifacts/prewarm/scan.json");
        settings.Shared.Sccache.ShouldBe(SccacheMode.Auto);
        settings.Shared.Build.Profile.ShouldBe("dev");
        settings.Shared.Build.Target.ShouldBeNull();
        settings.Verify.MinHitRate.ShouldBe(80);
        settings.Verify.MinFreshShare.ShouldBe(95);
        settings.Doctor.MinFreeGb.ShouldBe(5);
        (settings.Doctor.Uid, settings.Doctor.Gid).ShouldBe((1001, 1001));
        settings.Benchmark.Runs.ShouldBe(3);
        settings.Cook.TargetDirectoryFor("/r").ShouldBe("/r/target");
        settings.Cook.Offline.ShouldBeFalse();
        settings.Recipe.TiersFile.ShouldBeNull();
        settings.Docker.BaseImage.ShouldBe("rust:1-bookworm");
        settings.Docker.BuilderImage.ShouldBeNull();
        settings.Docker.BuilderTag.ShouldBe("prewarm/builder:latest");
        (settings.Docker.Uid, settings.Docker.Gid).ShouldBe((1001, 1001));
        settings.Docker.Layout.ShouldBe(CargoLayout.CargoHome);
        settings.Docker.DependencyStorage.ShouldBe(DependencyStorage.Image);
        settings.Docker.Syntax.ShouldBe("docker/dockerfile:1");
        settings.Docker.Templates.ShouldBeNull();
        settings.Docker.Platforms.ShouldBeEmpty();
        settings.Docker.TagsFor("shop").ShouldBe(["prewarm/shop-builder:latest"]);
        settings.Docker.Push.ShouldBeFalse();
        settings.Docker.Load.ShouldBeFalse();
        settings.Docker.Progress.ShouldBe("plain");
        settings.Docker.Frontend.ShouldBe("auto");
    }

    [Test]
    public void The_build_user_is_one_option_with_one_default_for_Doctor_and_the_Dockerfile()
    {
        var defaults = Bind([], out _);
        var given = Bind(new() { ["uid"] = ["4242"], ["gid"] = ["4243"] }, out _);

        (defaults.Doctor.Uid, defaults.Doctor.Gid).ShouldBe((defaults.Docker.Uid, defaults.Docker.Gid));
        (defaults.Docker.Rendering("shop").Uid, defaults.Docker.Rendering("shop").Gid).ShouldBe((defaults.Doctor.Uid, defaults.Doctor.Gid));
        (given.Doctor.Uid, given.Doctor.Gid).ShouldBe((4242, 4243));
        (given.Docker.Uid, given.Docker.Gid).ShouldBe((4242, 4243));
    }

    [Test]
    public void The_target_directory_is_the_option_else_CARGO_TARGET_DIR_else_the_repositorys_own()
    {
        Dictionary<string, string> environment = new() { ["CARGO_TARGET_DIR"] = "/ct" };
        OptionReader Reader(Dictionary<string, string[]> values) =>
            new(name => values.TryGetValue(name, out var v) ? v : null, environment.GetValueOrDefault);

        SettingsBinder.Bind(Reader(new() { ["target-dir"] = ["t"] }), "/work").Cook.TargetDirectoryFor("/r").ShouldBe("/work/t");
        SettingsBinder.Bind(Reader([]), "/work").Cook.TargetDirectoryFor("/r").ShouldBe("/ct");
        environment.Clear();
        SettingsBinder.Bind(Reader([]), "/work").Cook.TargetDirectoryFor("/r").ShouldBe("/r/target");
    }

    [Test]
    public void Docker_options_are_typed_once()
    {
        var docker = Bind(
            new()
            {
                ["base-image"] = ["127.0.0.1:5000/rust:1"],
                ["uid"] = ["4242"],
                ["cargo-layout"] = ["symlinked"],
                ["deps-storage"] = ["cache-mount"],
                ["templates"] = ["tpl"],
                ["platform"] = ["linux/amd64,linux/arm64", "linux/amd64"],
                ["tag"] = ["r/a:1", "r/a:2"],
                ["cache-from"] = ["type=registry,ref=r/cache"],
                ["cache-to"] = ["type=inline"],
                ["build-arg"] = ["A=b,c"],
                ["secret"] = ["id=npm,env=NPM_TOKEN"],
                ["push"] = [""],
                ["progress"] = ["tty"],
                ["builder-tag"] = ["r/builder:1"],
            },
            out _).Docker;

        docker.BaseImage.ShouldBe("127.0.0.1:5000/rust:1");
        docker.Uid.ShouldBe(4242);
        docker.Gid.ShouldBe(1001);
        docker.Layout.ShouldBe(CargoLayout.Symlinked);
        docker.DependencyStorage.ShouldBe(DependencyStorage.CacheMount);
        docker.Templates.ShouldBe("/work/tpl");
        docker.Platforms.Select(p => p.ToString()).ShouldBe(["linux/amd64", "linux/arm64"]);
        docker.TagsFor("shop").ShouldBe(["r/a:1", "r/a:2"]);
        docker.CacheFrom.Single().ToString().ShouldBe("type=registry,ref=r/cache");
        docker.CacheTo.Single().Type.ShouldBe("inline");
        docker.BuildArgs.Single().ShouldBe(new KeyValuePair<string, string>("A", "b,c"));
        docker.Secrets.Single().Id.ShouldBe("npm");
        docker.Push.ShouldBeTrue();
        docker.Progress.ShouldBe("tty");
        docker.BuilderTag.ShouldBe("r/builder:1");
        var rendering = docker.Rendering("shop");
        (rendering.RepositoryId, rendering.BaseImage, rendering.Uid, rendering.Layout).ShouldBe(("shop", "127.0.0.1:5000/rust:1", 4242, CargoLayout.Symlinked));
    }

    [TestCase("platform", "linux/sparc", "--platform=linux/sparc: Unknown platform 'linux/sparc'")]
    [TestCase("tag", "-oops", "--tag=-oops: not an image reference")]
    [TestCase("base-image", "a b", "--base-image=a b: not an image reference")]
    [TestCase("cache-from", "type=nope", "--cache-from=type=nope: Cache specification 'type=nope': unknown type 'nope'")]
    [TestCase("deps-storage", "volume", "--deps-storage=volume: expected image")]
    [TestCase("cargo-layout", "flat", "--cargo-layout=flat: Unknown cargo layout 'flat'")]
    [TestCase("progress", "fancy", "--progress=fancy: expected plain, auto, tty or quiet")]
    [TestCase("frontend", "x", "--frontend=x: expected auto, directive or builtin")]
    [TestCase("uid", "-1", "--uid=-1: expected a whole number of at least 0")]
    [TestCase("push", "maybe", "--push=maybe: expected on or off")]
    [TestCase("build-arg", "NOEQUALS", "--build-arg 'NOEQUALS': expected NAME=VALUE")]
    public void A_bad_docker_value_is_one_line_naming_the_option(string option, string value, string start)
    {
        var message = Should.Throw<PrewarmException>(() => Bind(new() { [option] = [value] }, out _)).Message;

        message.ShouldStartWith(start);
        message.ShouldNotContain("\n");
    }

    [Test]
    public void Values_are_typed_and_paths_absolute()
    {
        var settings = Bind(
            new()
            {
                ["repo"] = ["a", "b/../c", "a"],
                ["artifacts"] = ["out"],
                ["sccache"] = ["off"],
                ["release"] = [""],
                ["features"] = ["b,a", "a"],
                ["min-hit-rate"] = ["97.5"],
                ["runs"] = ["2"],
                ["target-dir"] = ["t"],
                ["tiers"] = ["tiers.json"],
                ["package"] = ["x,y"],
            },
            out _);

        settings.Shared.Repositories.ShouldBe(["/work/a", "/work/c"]);
        settings.Shared.Artifacts.ShouldBe("/work/out");
        settings.Shared.Sccache.ShouldBe(SccacheMode.Off);
        settings.Shared.Build.Profile.ShouldBe("release");
        settings.Shared.Build.Features.ShouldBe(["a", "b"]);
        settings.Verify.MinHitRate.ShouldBe(97.5);
        settings.Benchmark.Runs.ShouldBe(2);
        settings.Cook.TargetDirectory.ShouldBe("/work/t");
        settings.Recipe.TiersFile.ShouldBe("/work/tiers.json");
        settings.Shared.Build.Packages.ShouldBe(["x", "y"]);
    }

    [Test]
    public void A_bad_value_is_one_line_naming_the_option()
    {
        Should.Throw<PrewarmException>(() => Bind(new() { ["min-fresh-share"] = ["lots"] }, out _))
            .Message.ShouldBe("--min-fresh-share=lots: expected a non-negative number");
        Should.Throw<PrewarmException>(() => Bind(new() { ["runs"] = ["0"] }, out _))
            .Message.ShouldBe("--runs=0: expected a whole number of at least 1");
        Should.Throw<PrewarmException>(() => Bind(new() { ["release"] = ["true"], ["profile"] = ["dev"] }, out _))
            .Message.ShouldContain("contradict");
    }

    [Test]
    public void Sccache_auto_means_installed_locally_and_off_in_a_dockerfile()
    {
        SccacheMode.Auto.UseLocally(installed: true).ShouldBeTrue();
        SccacheMode.Auto.UseLocally(installed: false).ShouldBeFalse();
        SccacheMode.On.UseLocally(installed: false).ShouldBeTrue();
        SccacheMode.Off.UseLocally(installed: true).ShouldBeFalse();
        SccacheMode.Auto.UseInImage().ShouldBeFalse();
        SccacheMode.On.UseInImage().ShouldBeTrue();
    }

    [Test]
    public void Every_path_option_is_catalogued_and_relative_to_prewarm_toml()
    {
        OptionCatalog.PathArguments.ShouldAllBe(name => OptionCatalog.FindByArgument(name) != null);

        using var directory = new Support.TemporaryDirectory("prewarm-config-");
        var config = Path.Combine(directory.Path, "ci", "prewarm.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "[recipe]\ntiers = \"tiers.json\"\n[doctor]\ncargo-home = \"../cargo\"\n");
        var arguments = new Dictionary<string, List<string>> { ["config"] = [config] };

        new Prewarm.Cake.Configuration.PrewarmConfigArgumentSource().Contribute(arguments, "/elsewhere");

        arguments["tiers"].ShouldBe([Path.Combine(directory.Path, "ci", "tiers.json")]);
        arguments["cargo-home"].ShouldBe([Path.Combine(directory.Path, "cargo")]);
    }

    [Test]
    public void Percentages_in_prewarm_toml_may_be_fractions()
    {
        OptionCatalog.FindByArgument("min-hit-rate")!.Kind.ShouldBe(OptionKind.Number);
        OptionCatalog.FindByArgument("min-fresh-share")!.Kind.ShouldBe(OptionKind.Number);
        PrewarmConfigFile.Parse("[verify]\nmin-hit-rate = 97.5\nmin-fresh-share = 90\n", "p.toml")["min-hit-rate"].ShouldBe(["97.5"]);
    }
}
