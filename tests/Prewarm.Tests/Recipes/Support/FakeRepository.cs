using Prewarm.Core.Cargo;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>A scanned repository built in memory for tier-selection tests: packages with registry
/// dependencies and the Cargo.lock that locks them (one workspace lockfile at the root), no disk, no cargo.</summary>
internal sealed class FakeRepository(string id)
{
    public const string CratesIo = "registry+https://github.com/rust-lang/crates.io-index";

    private readonly List<CargoPackage> _packages = [];
    private readonly Dictionary<string, LockedPackage> _registry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);

    /// <summary>A dependency of a package: <c>name</c>, the locked <c>version</c> (requirement <c>^version</c>), kind, platform, features.</summary>
    public sealed record Dep(string Name, string Version, DependencyKind Kind = DependencyKind.Normal, string? Target = null, string[]? Features = null, bool DefaultFeatures = true);

    public static Dep Normal(string name, string version, params string[] features) => new(name, version, Features: features);

    public static Dep Dev(string name, string version) => new(name, version, DependencyKind.Development);

    public static Dep Build(string name, string version) => new(name, version, DependencyKind.Build);

    public static Dep On(string target, string name, string version) => new(name, version, Target: target);

    /// <summary>A workspace member <paramref name="name"/> depending on <paramref name="dependencies"/>.</summary>
    public FakeRepository Package(string name, params Dep[] dependencies)
    {
        _packages.Add(new CargoPackage
        {
            Name = name,
            Version = "0.1.0",
            ManifestPath = $"{name}/Cargo.toml",
            Edition = "2021",
            WorkspaceRoot = "Cargo.toml",
            Dependencies = dependencies.Select(d => new CargoDependency
            {
                Name = d.Name,
                Kind = d.Kind,
                Target = d.Target,
                Req = "^" + d.Version,
                Features = d.Features ?? [],
                UsesDefaultFeatures = d.DefaultFeatures,
                Source = CratesIo,
            }).ToList(),
        });
        foreach (var dependency in dependencies)
        {
            Locked(dependency.Name, dependency.Version);
        }

        _edges[$"{name} 0.1.0"] = dependencies.Select(d => $"{d.Name} {d.Version}").Distinct(StringComparer.Ordinal).ToList();
        return this;
    }

    /// <summary>Locks <paramref name="name"/> <paramref name="version"/> with these (<c>name version</c>) dependencies: its transitive size.</summary>
    public FakeRepository Needs(string name, string version, params string[] dependencies)
    {
        Locked(name, version);
        foreach (var dependency in dependencies)
        {
            var parts = dependency.Split(' ');
            Locked(parts[0], parts[1]);
        }

        _edges[$"{name} {version}"] = [.. dependencies];
        return this;
    }

    /// <summary>The repository; <paramref name="locked"/> false leaves its Cargo.lock out (a library that commits none).</summary>
    public CargoRepository Build(bool locked = true)
    {
        var entries = _packages.Select(p => new LockedPackage { Name = p.Name, Version = p.Version, Dependencies = _edges[$"{p.Name} 0.1.0"] })
            .Concat(_registry.Values.Select(p => p with { Dependencies = _edges.GetValueOrDefault($"{p.Name} {p.Version}", []) }))
            .ToList();
        return new CargoRepository
        {
            Id = id,
            Packages = [.. _packages],
            Lockfiles = locked ? [new Lockfile("Cargo.lock", 3, entries)] : [],
        };
    }

    private void Locked(string name, string version) =>
        _registry.TryAdd($"{name} {version}", new LockedPackage { Name = name, Version = version, Source = CratesIo });
}
