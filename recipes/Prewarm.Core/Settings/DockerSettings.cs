namespace Prewarm.Core.Settings;

/// <summary>
/// Placeholder for the Docker concern (Dockerfile and Image): its options (base-image, cargo-layout, deps-storage,
/// platform, tag, cache-from/-to, push, load, builder, progress, build-arg, secret, docker, frontend,
/// dockerfile-syntax, templates, image-version, source-url; uid/gid as the build user) are still read
/// by <c>DockerfileArguments</c>/<c>ImageArguments</c> and will be bound here, in
/// <see cref="SettingsBinder.BindDocker"/>, by the Docker work.
/// </summary>
public sealed record DockerSettings;
