namespace Prewarm.Core.Settings;

/// <summary>
/// Placeholder for the Docker concern (Dockerfile, Image, BuilderImage): its options (base-image,
/// builder-image, builder-tag, cargo-layout, deps-storage, platform, tag, cache-from/-to, push, load,
/// builder, progress, build-arg, secret, docker, frontend, dockerfile-syntax, templates, image-version,
/// source-url; uid/gid as the build user) are still read through <c>TaskArguments</c> by
/// <c>DockerfileArguments</c>, <c>ImageArguments</c>, <c>OrganisationBuilder</c> and Doctor's registry
/// and platform checks, and will be bound here, in
/// <see cref="SettingsBinder.BindDocker"/>, by the Docker work.
/// </summary>
public sealed record DockerSettings;
