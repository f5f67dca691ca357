using Prewarm.Core.Recipes;

namespace Prewarm.Core.Docker;

/// <summary>Everything the builder Dockerfile depends on. Same options, same bytes.</summary>
public sealed record DockerfileOptions
{
    public const string DefaultSyntax = "docker/dockerfile:1";

    public const string DefaultBaseImage = "rust:1-bookworm";

    public const int DefaultUid = 1001;

    /// <summary>The Dockerfile frontend image named in the <c># syntax=</c> line.</summary>
    public string Syntax { get; init; } = DefaultSyntax;

    public required string RepositoryId { get; init; }

    public string BaseImage { get; init; } = DefaultBaseImage;

    /// <summary>An organisation builder image to build FROM instead of <see cref="BaseImage"/>
    /// (<c>--builder-image</c>): it carries the tiers and other repositories' dependencies.</summary>
    public string? BuilderImage { get; init; }

    public int Uid { get; init; } = DefaultUid;

    public int Gid { get; init; } = DefaultUid;

    /// <summary>Name given to the build user when the image has no user with <see cref="Uid"/>.</summary>
    public string User { get; init; } = "build";

    public CargoLayout Layout { get; init; } = CargoLayout.CargoHome;

    /// <summary>Where the compiled dependencies live: the image's layers (default) or cache mounts.</summary>
    public DependencyStorage DependencyStorage { get; init; } = DependencyStorage.Image;

    /// <summary>Compile through sccache (RUSTC_WRAPPER) with a cache mount of its own.</summary>
    public bool Sccache { get; init; }

    /// <summary>Warmup tiers to pre-warm, in layer order as Recipe recorded them (<see cref="Warmup.WarmupTierList"/>): the most widely shared first, so a change in a later tier never invalidates an earlier one.</summary>
    public IReadOnlyList<string> Tiers { get; init; } = [];

    /// <summary>Tiers that carry a Cargo.lock (built with --locked).</summary>
    public IReadOnlyList<string> LockedTiers { get; init; } = [];

    /// <summary>The skeleton carries Cargo.lock: build with --locked so the image matches it.</summary>
    public bool SkeletonLocked { get; init; } = true;

    /// <summary>The repository has .cargo/config.toml; it is installed as CARGO_HOME/config.toml.</summary>
    public bool CargoConfig { get; init; }

    /// <summary>Skeleton directories whose sources are real (<c>[patch]</c> path packages, relative,
    /// '/'-separated): the source step leaves their mtimes alone, or every crate compiled against
    /// them would rebuild.</summary>
    public IReadOnlyList<string> RealSourceDirectories { get; init; } = [];

    /// <summary>Cross-compile (<c>--cross</c>): cargo runs on the build platform and compiles for the
    /// target platform with <c>--target</c>; the image for the target platform gets what it compiled.</summary>
    public bool Cross { get; init; }

    /// <summary>Seed the dependency steps with the compiled units of the image the Image task names in
    /// the <see cref="SeedImage.BuildArgument"/> build argument (<c>scratch</c>: none), and prune the units
    /// no build of this image used, so that the next image's seed holds only what is live.</summary>
    public bool Seed { get; init; }

    /// <summary>The build the recipe was made for (profile, target, feature switches, selection): the skeleton
    /// and the real build make it, the tiers with its profile and target.</summary>
    public BuildIdentity Build { get; init; } = new() { Profile = "release" };

    /// <summary>Cargo profile to build (<see cref="Build"/>'s).</summary>
    public string Profile => Build.Profile;
}
