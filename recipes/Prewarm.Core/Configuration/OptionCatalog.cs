namespace Prewarm.Core.Configuration;

/// <summary>
/// Every setting Prewarm reads. The catalog is what makes a typo in prewarm.toml an error instead
/// of a silently ignored line, and what the README's option table is checked against.
/// </summary>
public static class OptionCatalog
{
    public static IReadOnlyList<PrewarmOption> All { get; } =
    [
        new("", "repo", "repo", OptionKind.List, "Repository roots to work on; default: the working directory."),
        new("", "artifacts", "artifacts", OptionKind.Text, "Where outputs go; default artifacts/prewarm/."),
        new("", "exclude", "exclude", OptionKind.List, "Directories of each repository (relative to it) that Scan does not search for manifests: test data that is not a package."),
        new("", "sccache", "sccache", OptionKind.Boolean, "Compile through sccache (in the image with its own cache mount) and check its hit rate in Verify. Default: on for local builds where sccache is installed, off in the Dockerfile unless set."),

        new("recipe", "package", "package", OptionKind.List, "Keep only these workspace members and their dependency closure."),
        new("recipe", "bin", "bin", OptionKind.List, "Keep only the packages owning these binaries."),
        new("recipe", "profile", "profile", OptionKind.Text, "Cargo profile to cook and build with (dev, release, custom); default dev, the same for Recipe, Cook, the Dockerfile and Benchmark."),
        new("recipe", "release", "release", OptionKind.Boolean, "Shorthand for profile = \"release\"."),
        new("recipe", "rust-target", "rust-target", OptionKind.Text, "Target triple to cook and build for (cargo --target)."),
        new("recipe", "features", "features", OptionKind.List, "Cargo features to enable."),
        new("recipe", "no-default-features", "no-default-features", OptionKind.Boolean, "cargo --no-default-features, for every stage that compiles."),
        new("recipe", "all-features", "all-features", OptionKind.Boolean, "cargo --all-features, for every stage that compiles."),
        new("recipe", "target-dir", "target-dir", OptionKind.Text, "Cargo target directory for Cook."),

        new("recipe", "tiers", "tiers", OptionKind.Text, "JSON file of warmup tiers replacing the default catalog: {\"tiers\": {\"core\": [...], ...}}."),
        new("recipe", "tier-max-crates", "tier-max-crates", OptionKind.Integer, "The most crates one warmup tier selects itself, in rank order (repositories using it, then transitive size); 0 = no cap (default 40)."),
        new("recipe", "tier-timings", "tier-timings", OptionKind.List, "cargo build --timings reports (target/cargo-timings/cargo-timing.html) whose measured compile times rank crates used by as many repositories."),
        new("recipe", "offline", "offline", OptionKind.Boolean, "Run cargo with --offline when cooking."),

        new("docker", "base-image", "base-image", OptionKind.Text, "Image the builder starts FROM."),
        new("docker", "uid", "uid", OptionKind.Integer, "Build user id; cache mounts are owned by it (default 1001)."),
        new("docker", "gid", "gid", OptionKind.Integer, "Build group id (default 1001)."),
        new("docker", "layout", "cargo-layout", OptionKind.Text, "symlink (registry/git linked into the cache) or cargo-home."),
        new("docker", "deps-storage", "deps-storage", OptionKind.Text, "image (compiled dependencies in the image's layers: warm on any runner that pulls it; default) or cache-mount (BuildKit cache mounts: warm only on the machine that built it)."),
        new("docker", "builder-image", "builder-image", OptionKind.Text, "An organisation builder image (made by the BuilderImage task) to build FROM: its compiled dependencies are reused, the skeleton compiles only what it lacks."),
        new("docker", "builder-tag", "builder-tag", OptionKind.Text, "Tag of the organisation builder image the BuilderImage task builds (default prewarm/builder:latest); a content tag beside it names its inputs."),
        new("verify", "min-builder-share", "min-builder-share", OptionKind.Number, "Lowest acceptable share, percent, of a repository's dependency units its builder image supplied (default 0: reported, not held)."),
        new("docker", "platform", "platform", OptionKind.List, "Target platforms, e.g. linux/amd64,linux/arm64 (default: the engine's own)."),
        new("docker", "cross", "cross", OptionKind.Boolean, "Cross-compile: the dependency steps run on the build platform and compile for each --platform with cargo --target (needs the target's linker and Rust standard library in the base image); default off: foreign platforms build under emulation."),
        new("docker", "tag", "tag", OptionKind.List, "Image tags."),
        new("docker", "cache-from", "cache-from", OptionKind.List, "BuildKit cache sources (type=registry,ref=…; type=local,src=…; type=gha)."),
        new("docker", "cache-to", "cache-to", OptionKind.List, "BuildKit cache exports (type=registry,ref=…,mode=max; type=local,dest=…; type=gha; type=inline)."),
        new("docker", "push", "push", OptionKind.Boolean, "Push the image."),
        new("docker", "load", "load", OptionKind.Boolean, "Load the image into the local engine."),
        new("docker", "builder", "builder", OptionKind.Text, "buildx builder to use."),
        new("docker", "progress", "progress", OptionKind.Text, "auto, plain or tty."),
        new("docker", "build-arg", "build-arg", OptionKind.List, "Extra build arguments, KEY=value (never secrets)."),
        new("docker", "secret", "secret", OptionKind.List, "BuildKit secrets, id=…,src=… or id=…,env=…."),
        new("docker", "cli", "docker", OptionKind.Text, "The docker CLI to use (default: the first that can build: buildx, else DOCKER_BUILDKIT=1)."),
        new("docker", "frontend", "frontend", OptionKind.Text, "auto, directive or builtin: how the integrated BuildKit treats '# syntax=' when it cannot pull the frontend."),
        new("docker", "dockerfile-syntax", "dockerfile-syntax", OptionKind.Text, "The '# syntax=' frontend image (default docker/dockerfile:1)."),
        new("docker", "templates", "templates", OptionKind.Text, "A directory whose templates override the embedded ones."),
        new("docker", "image-version", "image-version", OptionKind.Text, "org.opencontainers.image.version label (default: git describe)."),
        new("docker", "source-url", "source-url", OptionKind.Text, "org.opencontainers.image.source label (default: the origin remote)."),

        new("verify", "min-hit-rate", "min-hit-rate", OptionKind.Number, "Lowest acceptable sccache hit rate, percent (default 80)."),
        new("verify", "min-fresh-share", "min-fresh-share", OptionKind.Number, "Lowest acceptable share of fresh dependency units, percent (default 95)."),

        new("doctor", "cargo-home", "cargo-home", OptionKind.Text, "CARGO_HOME to check (default: the environment's)."),
        new("doctor", "sccache-dir", "sccache-dir", OptionKind.Text, "SCCACHE_DIR to check (default: the environment's)."),
        new("doctor", "min-free-gb", "min-free-gb", OptionKind.Number, "Least free disk space, in GB (default 5)."),

        new("benchmark", "runs", "runs", OptionKind.Integer, "Runs per measurement (default 3)."),
    ];

    /// <summary>Options whose values are paths: in prewarm.toml they are relative to the file.</summary>
    public static IReadOnlySet<string> PathArguments { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "repo", "artifacts", "target-dir", "tiers", "cargo-home", "sccache-dir", "templates" };

    public static PrewarmOption? FindByArgument(string argument) =>
        All.FirstOrDefault(o => string.Equals(o.Argument, argument, StringComparison.OrdinalIgnoreCase));

    public static PrewarmOption? FindByTomlPath(string path) =>
        All.FirstOrDefault(o => string.Equals(o.TomlPath, path, StringComparison.Ordinal));
}
