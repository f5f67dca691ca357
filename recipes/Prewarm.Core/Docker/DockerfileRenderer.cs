using Prewarm.Core.Recipes;
using Prewarm.Core.Warmup;
using System.Globalization;
using System.Text;

namespace Prewarm.Core.Docker;

/// <summary>Renders the builder Dockerfile from <see cref="DockerTemplates"/> and <see cref="DockerfileOptions"/>.</summary>
public sealed class DockerfileRenderer(DockerTemplates templates)
{
    public DockerfileRenderer()
        : this(DockerTemplates.Embedded)
    {
    }

    public string Render(DockerfileOptions options)
    {
        Validate(options);
        var parts = Common(options, tierMessages: options.Seed ? SeededTierMessages : null);
        var targetDirectory = TargetDirectory(options.DependencyStorage);
        var inImage = options.DependencyStorage == DependencyStorage.Image;
        return Fill(DockerTemplates.Main, new(parts.Shared(options))
        {
            ["repo_id"] = options.RepositoryId,
            ["storage_note"] = inImage
                ? "in the image's layers (--deps-storage=image), one target directory per\n# platform, so a runner that pulls this image or uses it as --cache-from builds warm."
                : "in BuildKit cache mounts (--deps-storage=cache-mount): warm only on the\n# machine that built it; the mounts are not in the image, not pushed and not exported.",
            ["target_dir"] = targetDirectory,
            ["base_image"] = options.BuilderImage ?? options.BaseImage,
            ["seed_stage"] = options.Seed ? Fill(DockerTemplates.SeedStage, []) : string.Empty,
            ["seed_copy"] = options.Seed
                ? Fill(DockerTemplates.SeedCopy, new() { ["target_dir"] = targetDirectory, ["cargo_home"] = parts.CargoHome, ["tier_messages"] = SeededTierMessages })
                : string.Empty,
            ["prune_units"] = options.Seed ? Fill(DockerTemplates.PruneUnits, new() { ["target_dir"] = targetDirectory }).TrimEnd('\n') : string.Empty,
            ["cache_mounts"] = parts.Mounts,
            ["skeleton_note"] = options.BuilderImage is null ? string.Empty : $" the builder image {options.BuilderImage} lacks",
            ["skeleton_build_flags"] = Flags(options.Build.CargoArguments(CargoStep.Build), options.SkeletonLocked),
            ["build_flags"] = Flags(options.Build.CargoArguments(CargoStep.Build), options.SkeletonLocked),
            ["tree_flags"] = Words(options.Build.CargoArguments(CargoStep.Tree)),
            ["rust_target_check"] = options.Build.Target is { } triple ? Fill(DockerTemplates.RustTargetCheck, new() { ["triple"] = triple, ["check"] = RustTargetCheck.Script(triple) }) : string.Empty,
            ["touch_exclusions"] = string.Concat(options.RealSourceDirectories.Order(StringComparer.Ordinal).Select(d => " -not -path " + ShellQuote($"/build/src/{d}/*"))),
            ["cross_stages"] = options.Cross ? CrossStages() : string.Empty,
            ["from"] = options.Cross ? "cross-${TARGETARCH}" : "${BASE_IMAGE}",
            ["stage"] = options.Cross ? "cross" : "builder",
            ["cross_final"] = options.Cross
                ? Fill(DockerTemplates.CrossFinal, new()
                {
                    ["uid"] = parts.Uid, ["gid"] = parts.Gid, ["cargo_home"] = parts.CargoHome,
                    ["target_dir"] = TargetDirectory(options.DependencyStorage),
                })
                : string.Empty,
        });
    }

    /// <summary>--cross: the build-platform base stage and one stage per <see cref="CrossTarget"/>.</summary>
    private string CrossStages() => Fill(DockerTemplates.CrossStages, new()
    {
        ["targets"] = string.Concat(CrossTarget.All.Select(target => Fill(DockerTemplates.CrossTarget, new()
        {
            ["arch"] = target.Architecture,
            ["triple"] = target.Triple,
            ["linker_variable"] = target.LinkerVariable,
            ["compiler_variable"] = target.CompilerVariable,
            ["linker"] = target.Linker,
            ["check"] = target.CheckScript(),
        }))).TrimEnd('\n'),
    });

    /// <summary>The organisation's builder image: the tiers and each repository's skeleton build,
    /// compiled into the image's layers (never cache mounts: the point is to ship them).</summary>
    public string RenderBuilder(DockerfileOptions options, IReadOnlyList<BuilderRepository> repositories)
    {
        Validate(options);
        if (options.Cross)
        {
            throw new PrewarmException("--cross: the organisation builder image is built for each platform under emulation; build it without --cross.");
        }

        if (options.DependencyStorage != DependencyStorage.Image)
        {
            throw new PrewarmException("A builder image carries its compiled dependencies in its layers: --deps-storage=cache-mount cannot make one.");
        }

        if (repositories.Count == 0)
        {
            throw new PrewarmException("A builder image needs at least one --repo.");
        }

        var parts = Common(options, tierMessages: "/build/prewarm/builder");
        var skeletons = new StringBuilder();
        foreach (var repository in repositories)
        {
            if (repository.Id.Length == 0 || !repository.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new PrewarmException($"Repository id '{repository.Id}' cannot name a directory in the builder image.");
            }

            skeletons.Append(Fill(DockerTemplates.BuilderSkeleton, new()
            {
                ["repo_id"] = repository.Id, ["uid"] = parts.Uid, ["gid"] = parts.Gid, ["cache_mounts"] = parts.Mounts,
                ["skeleton_build_flags"] = Flags(repository.Build.CargoArguments(CargoStep.Build), repository.Locked),
            }));
        }

        return Fill(DockerTemplates.Builder, new(parts.Shared(options))
        {
            ["repositories"] = string.Join(", ", repositories.Select(r => r.Id)),
            ["base_image"] = options.BaseImage,
            ["target_dir"] = TargetDirectory(DependencyStorage.Image),
            ["skeletons"] = skeletons.ToString().TrimEnd('\n'),
        });
    }

    /// <summary>What the repository and builder Dockerfiles share: the build user's ids, cargo's
    /// layout, sccache, cargo's config, cache mounts and the warmup tier steps.</summary>
    /// <summary>Where a seeded image keeps what cargo reported for each tier: the units the next image's seed keeps.</summary>
    private const string SeededTierMessages = "/build/prewarm/tiers";

    private Parts Common(DockerfileOptions options, string? tierMessages)
    {
        var uid = options.Uid.ToString(CultureInfo.InvariantCulture);
        var gid = options.Gid.ToString(CultureInfo.InvariantCulture);
        var paths = CargoLayoutPaths.For(options.Layout, options.User);
        var mounts = CacheMounts(options, paths);
        var tierFlags = options.Build.CargoArguments(CargoStep.Warmup);
        var cargoState = options.DependencyStorage == DependencyStorage.Image ? "in the image's layers" : "cache mounts";
        var layout = options.Layout == CargoLayout.CargoHome
            ? Fill(DockerTemplates.LayoutCargoHome, new() { ["cargo_home"] = paths.CargoHome, ["uid"] = uid, ["gid"] = gid, ["cargo_state"] = cargoState })
            : Fill(DockerTemplates.LayoutSymlinked, new()
            {
                ["cargo_home"] = paths.CargoHome, ["cache_root"] = paths.CacheRoot,
                ["registry_dir"] = paths.RegistryDirectory, ["git_dir"] = paths.GitDirectory, ["uid"] = uid, ["gid"] = gid,
                ["cargo_state"] = cargoState,
            });
        var sccache = options.Sccache
            ? Fill(DockerTemplates.Sccache, new() { ["sccache_dir"] = SccacheDirectory, ["uid"] = uid, ["gid"] = gid })
            : string.Empty;
        var cargoConfig = options.CargoConfig
            ? Fill(DockerTemplates.CargoConfig, new() { ["cargo_home"] = paths.CargoHome })
            : string.Empty;

        var tiers = new StringBuilder();
        foreach (var tier in options.Tiers)
        {
            tiers.Append(Fill(DockerTemplates.WarmupTier, new()
            {
                ["tier"] = tier, ["uid"] = uid, ["gid"] = gid, ["cache_mounts"] = mounts,
                // Leading space: a dev build's tier has no argument at all (cargo's default profile, the host).
                ["tier_build_flags"] = Flags(tierFlags, options.LockedTiers.Contains(tier, StringComparer.Ordinal)) is { Length: > 0 } flags ? " " + flags : string.Empty,
                ["tier_messages"] = tierMessages is null ? string.Empty : $" --message-format=json-render-diagnostics > {tierMessages}/tier-{tier}.json",
            }));
        }

        return new Parts(uid, gid, paths.CargoHome, mounts, layout.TrimEnd('\n'), sccache, cargoConfig, tiers.ToString().TrimEnd('\n'));
    }

    private sealed record Parts(string Uid, string Gid, string CargoHome, string Mounts, string Layout, string Sccache, string CargoConfig, string Tiers)
    {
        /// <summary>The placeholders the repository and builder templates fill alike.</summary>
        public Dictionary<string, string> Shared(DockerfileOptions options) => new()
        {
            ["syntax"] = options.Syntax,
            ["uid"] = Uid,
            ["gid"] = Gid,
            ["user"] = options.User,
            ["cargo_layout"] = Layout,
            ["sccache"] = Sccache,
            ["cargo_config"] = CargoConfig,
            ["warmup_tiers"] = Tiers,
        };
    }

    /// <summary>Where sccache keeps its cache inside the image (a cache mount).</summary>
    public const string SccacheDirectory = "/cache/sccache";

    /// <summary>CARGO_TARGET_DIR in the image: per platform in the layers (a multi-platform build
    /// never mixes architectures' outputs); one path whose cache mount id carries the platform otherwise.</summary>
    public static string TargetDirectory(DependencyStorage storage) =>
        storage == DependencyStorage.Image ? "/build/target/${TARGETARCH}" : "/build/target";

    /// <summary>A build identity's arguments (<see cref="BuildIdentity.CargoArguments"/>) as shell words, then <c>--locked</c>.</summary>
    private static string Flags(IReadOnlyList<string> arguments, bool locked) => Words(locked ? [.. arguments, "--locked"] : arguments);

    private static string Words(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(ShellWord));

    /// <summary>A word the shell takes as it is (cargo's names, triples, feature lists) unquoted; anything else quoted.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '/' or '=' or ':' or '+') ? word : ShellQuote(word);

    /// <summary>
    /// The cache mounts every cargo step uses, each followed by a line continuation (empty when
    /// there are none). Only what is a cache is a mount: sccache always; the registry, git
    /// checkouts and target directory only with <see cref="DependencyStorage.CacheMount"/>, since a
    /// mount is never part of the image. Ids carry the uid because BuildKit applies uid/gid only
    /// when it creates a cache: reusing one created for another user gives os error 13. Registry and
    /// git are shared by all platforms and must be locked (concurrent cargo processes corrupt them);
    /// the target directory is per ${TARGETARCH}; sccache coordinates itself.
    /// </summary>
    private static string CacheMounts(DockerfileOptions options, CargoLayoutPaths paths)
    {
        var owner = string.Create(CultureInfo.InvariantCulture, $"uid={options.Uid},gid={options.Gid}");
        var suffix = string.Create(CultureInfo.InvariantCulture, $"{options.Uid}");
        var mounts = new List<string>();
        if (options.DependencyStorage == DependencyStorage.CacheMount)
        {
            mounts.Add($"--mount=type=cache,id=prewarm-cargo-registry-{suffix},target={paths.RegistryDirectory},{owner},sharing=locked");
            mounts.Add($"--mount=type=cache,id=prewarm-cargo-git-{suffix},target={paths.GitDirectory},{owner},sharing=locked");
            mounts.Add($"--mount=type=cache,id=prewarm-target-${{TARGETARCH}}-{suffix},target=/build/target,{owner},sharing=locked");
        }

        if (options.Sccache)
        {
            mounts.Add($"--mount=type=cache,id=prewarm-sccache-${{TARGETARCH}}-{suffix},target={SccacheDirectory},{owner},sharing=shared");
        }

        return string.Concat(mounts.Select(m => m + " \\\n    "));
    }

    private static void Validate(DockerfileOptions options)
    {
        if (options.BuilderImage is not null && (options.Tiers.Count > 0 || options.DependencyStorage != DependencyStorage.Image))
        {
            throw new PrewarmException("--builder-image: the builder image carries the tiers and its target directory is in its layers; render without tiers and with --deps-storage=image.");
        }

        if (options.Cross && (options.BuilderImage is not null || options.Layout != CargoLayout.CargoHome))
        {
            throw new PrewarmException("--cross: the image for the target platform takes CARGO_HOME from the build platform's stage, which needs --cargo-layout=cargo-home and no --builder-image (a builder image's target directories were not cross-compiled).");
        }

        if (options.Seed && (options.Cross || options.DependencyStorage != DependencyStorage.Image))
        {
            throw new PrewarmException("--seed: the previous image's units are copied into a target directory in the image's layers, on the platform that compiles; it cannot be combined with --cross or --deps-storage=cache-mount (drop one).");
        }

        if (options.Uid < 0 || options.Gid < 0)
        {
            throw new PrewarmException($"uid/gid must not be negative (got {options.Uid}:{options.Gid}).");
        }

        if (string.IsNullOrWhiteSpace(options.BaseImage) || options.BaseImage.Any(char.IsWhiteSpace))
        {
            throw new PrewarmException($"Base image '{options.BaseImage}' is not an image reference.");
        }

        if (options.Profile is not ("release" or "dev") && !options.Profile.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new PrewarmException($"Cargo profile '{options.Profile}' is not a profile name.");
        }

        if (options.Cross && options.Build.Target is not null)
        {
            throw new PrewarmException($"--cross sets each platform's target itself; --rust-target={options.Build.Target} cannot be combined with it (drop one).");
        }

        if (options.Build.Target is { } triple && !RustTargetCheck.IsTriple(triple))
        {
            throw new PrewarmException($"--rust-target={triple}: not a target triple (letters, digits, '-', '_', '.').");
        }

        foreach (var directory in options.RealSourceDirectories)
        {
            if (directory.Length == 0 || directory.StartsWith('/') || directory.Split('/').Contains(".."))
            {
                throw new PrewarmException($"Source directory '{directory}' is not a path inside the skeleton.");
            }
        }

        foreach (var tier in options.Tiers)
        {
            if (!WarmupTierName.IsValid(tier))
            {
                throw new PrewarmException($"Warmup tier '{tier}' is not a tier name (lower-case letters, digits and '-').");
            }
        }
    }

    /// <summary>One shell word: single quotes, with embedded ones closed, escaped and reopened.</summary>
    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Fill(string name, Dictionary<string, string> values) =>
        TemplateText.Fill(templates.Source(name), templates.Read(name), values);
}
