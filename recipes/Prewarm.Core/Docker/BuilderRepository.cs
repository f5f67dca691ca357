namespace Prewarm.Core.Docker;

/// <summary>One repository whose skeleton the builder image builds: its id (the directory its
/// skeleton is copied to) and whether the skeleton carries a Cargo.lock (built --locked).</summary>
public sealed record BuilderRepository(string Id, bool Locked);
