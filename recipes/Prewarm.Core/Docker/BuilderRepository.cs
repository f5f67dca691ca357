using Prewarm.Core.Recipes;

namespace Prewarm.Core.Docker;

/// <summary>One repository whose skeleton the builder image builds: its id (the directory its
/// skeleton is copied to), whether the skeleton carries a Cargo.lock (built --locked), and the
/// build its recipe was made for (<see cref="BuildIdentity"/>, its skeleton step's arguments).</summary>
public sealed record BuilderRepository(string Id, bool Locked, BuildIdentity Build);
