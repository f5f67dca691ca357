using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>Generates a random repository cargo accepts, from a seed: a workspace (virtual or with a
/// root package) whose members come from globs, explicit entries and path dependencies, with an
/// excluded standalone package; workspace inheritance of package fields and dependencies; every
/// dependency kind, platform-specific tables, renames, optional dependencies and features in both
/// implicit and <c>dep:</c> styles; auto-discovered and declared targets of every kind and their
/// flags; one name and version from git and the registry; a [patch] directory inside the workspace
/// that is neither member nor excluded; both spellings of the cargo config and of the toolchain
/// file; a nested root with its own config and toolchain.</summary>
internal sealed class WorkspaceGenerator
{
    private static readonly string[] Words = ["core", "util", "model", "server", "cli", "storage", "api", "codec", "proto-gen", "net_io", "shared", "worker", "bench-kit", "fmt", "graph", "query"];
    private static readonly string[] Prefixes = ["acme-", "zen_", "my-", ""];
    private static readonly string[] Editions = ["2015", "2018", "2021", "2024"];
    private static readonly string[] FeatureNames = ["fast", "extra-io", "full", "with_json", "simd"];
    private static readonly string[] Platforms =
    [
        "cfg(unix)",
        "cfg(windows)",
        "cfg(all(target_os = \"linux\", target_arch = \"x86_64\"))",
        "cfg(not(target_env = \"msvc\"))",
        "cfg(any(target_os = \"macos\", target_os = \"ios\"))",
        "cfg(target_pointer_width = \"64\")",
        "x86_64-unknown-linux-gnu",
        "aarch64-apple-darwin",
    ];

    /// <summary>Stands for the <c>file://</c> URL of a git repository holding itoa 1.0.1, which
    /// <see cref="GeneratedRepository"/> creates beside the repository.</summary>
    public const string GitItoaUrl = "@GIT_ITOA@";

    private readonly Random _random;

    // Decides the later additions, so each seed keeps the repository _random made of it before them.
    private readonly Random _extra;
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly List<Package> _packages = [];
    private readonly Dictionary<string, Dependency> _workspaceDependencies = new(StringComparer.Ordinal);
    private readonly List<string> _excluded = [];
    private WorkspacePackage? _workspacePackage;
    private bool _patchesItoa;

    private WorkspaceGenerator(int seed)
    {
        _random = new Random(seed);
        _extra = new Random(unchecked((seed * 7919) + 17));
    }

    /// <summary>The repository's files by '/'-separated relative path.</summary>
    public static SortedDictionary<string, string> Generate(int seed) => new WorkspaceGenerator(seed).Build();

    private SortedDictionary<string, string> Build()
    {
        _files[".cargo/config.toml"] = CargoFixture.OfflineConfig + "\n";
        if (Extra(3))
        {
            // Both spellings: cargo reads `.cargo/config` (and warns); the other one would break resolution.
            _files[".cargo/config"] = _files[".cargo/config.toml"];
            _files[".cargo/config.toml"] = "[source.crates-io]\nreplace-with = \"nowhere\"\n\n[source.nowhere]\ndirectory = \"/nonexistent/prewarm-registry\"\n";
        }

        if (Extra(3))
        {
            // Both spellings: rustup takes `rust-toolchain` (and warns); the other names a toolchain
            // that is not installed, so reading it would fail.
            _files["rust-toolchain"] = "stable\n";
            _files["rust-toolchain.toml"] = "[toolchain]\nchannel = \"1.60.0\"\n";
        }

        var names = Words.OrderBy(_ => _random.Next()).Take(7).Select(w => Pick(Prefixes) + w).ToList();
        var hasRootPackage = Chance(2);
        var memberCount = 1 + _random.Next(4);
        var members = new List<string>();
        var usesGlob = false;
        for (var i = 0; i < memberCount; i++)
        {
            var style = _random.Next(3);
            var directory = style switch { 0 => "tools/" + names[i], 1 => "apps/" + names[i], _ => "crates/" + names[i] };
            usesGlob |= style == 2;
            if (style != 2)
            {
                members.Add(directory);
            }

            _packages.Add(new Package(names[i], directory));
        }

        if (usesGlob)
        {
            members.Add(Chance(2) ? "crates/*" : "crates/*/");
        }

        if (hasRootPackage)
        {
            _packages.Add(new Package(names[memberCount], ""));
        }

        // A path dependency inside the workspace root makes its package a member without being listed.
        Package? implicitMember = Chance(3) ? new Package(names[memberCount + 1], "libs/" + names[memberCount + 1]) { HasLib = true } : null;
        Package? excluded = Chance(3) ? new Package(names[memberCount + 2], "crates/old-" + names[memberCount + 2]) : null;
        if (excluded is not null)
        {
            _excluded.Add(excluded.Directory);
        }

        // A registry crate replaced by a local copy, kept out of the workspace as vendored code usually is.
        _patchesItoa = Chance(4);
        // Or left in the workspace's directory, neither member nor excluded: cargo reads it for the patch only.
        var patchInTree = _patchesItoa && Extra(2);
        if (_patchesItoa)
        {
            if (!patchInTree)
            {
                _excluded.Add("vendor/itoa");
            }

            _files["vendor/itoa/Cargo.toml"] = "[package]\nname = \"itoa\"\nversion = \"1.0.99\"\nedition = \"2018\"\n";
            // The real sources (itoa 1.0.1 from the offline registry): dependents must still compile.
            const string Registry = "/usr/share/cargo/registry/itoa-1.0.1/src";
            foreach (var file in Directory.GetFiles(Registry, "*.rs", SearchOption.AllDirectories))
            {
                _files["vendor/itoa/src/" + Path.GetRelativePath(Registry, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllText(file);
            }
        }

        foreach (var package in _packages)
        {
            package.HasLib = package.HasLib || Chance(3) || package != _packages[^1];
        }

        if (implicitMember is not null)
        {
            _packages.Insert(0, implicitMember);
        }

        _workspacePackage = Chance(5) ? null : new WorkspacePackage(Chance(2) ? "1.2.3" : "0.4.0", Pick(Editions), Chance(2) ? "1.85" : null);
        if (patchInTree && _workspacePackage is not null && Extra(2))
        {
            // It inherits from the workspace around it although it is no member.
            _files["vendor/itoa/Cargo.toml"] = "[package]\nname = \"itoa\"\nversion = \"1.0.99\"\nedition.workspace = true\n";
        }
        if (Chance(3) == false)
        {
            foreach (var crate in RegistryCrate.All.OrderBy(_ => _random.Next()).Take(2 + _random.Next(4)))
            {
                _workspaceDependencies[crate.Name] = RegistryDependency(crate, allowOptional: false, allowDefaultFeatures: true);
            }

            if (Chance(2))
            {
                var json = RegistryCrate.All.Single(c => c.Name == "serde_json");
                _workspaceDependencies["json"] = RegistryDependency(json, allowOptional: false, allowDefaultFeatures: false) with { Key = "json", Package = "serde_json" };
            }
        }

        foreach (var package in _packages)
        {
            package.OwnVersion = _workspacePackage is null || Chance(3) ? (Chance(2) ? "0.1.0" : "2.0.0-beta.1") : null;
            package.OwnEdition = _workspacePackage is null || Chance(3) ? (Chance(4) ? null : Pick(Editions)) : null;
        }

        for (var i = 0; i < _packages.Count; i++)
        {
            GeneratePackage(_packages[i], _packages.Take(i).Where(p => p.HasLib).ToList(), _packages.Skip(i + 1).Where(p => p.HasLib).ToList());
        }

        if (implicitMember is not null)
        {
            var dependent = _packages.Skip(1).OrderBy(_ => _random.Next()).First();
            if (!dependent.Dependencies.Any(d => d.Local == implicitMember))
            {
                dependent.Dependencies.Add(PathDependency(dependent, implicitMember, "dependencies"));
            }
        }

        if (Extra(3))
        {
            // One name and version from two sources: cargo writes the git reference without its #commit.
            var user = Pick(_packages.ToArray());
            user.Dependencies.Add(new Dependency("itoa_git", "dependencies") { Package = "itoa", Git = GitItoaUrl, Branch = "main" });
            if (!user.Dependencies.Any(d => d.Key == "itoa" && d.Table == "dependencies" && d.Platform is null))
            {
                user.Dependencies.Add(new Dependency("itoa", "dependencies") { Requirement = "1", Crate = RegistryCrate.All.Single(c => c.Name == "itoa") });
            }
        }

        foreach (var package in _packages)
        {
            _files[Manifest(package.Directory)] = RenderPackage(package, isRoot: package.Directory.Length == 0, members);
        }

        if (!hasRootPackage)
        {
            _files["Cargo.toml"] = RenderWorkspace(members, null);
        }

        if (excluded is not null)
        {
            // Not a member: it may not inherit from the workspace.
            excluded.HasLib = true;
            excluded.Standalone = true;
            excluded.OwnVersion = "0.3.0";
            excluded.OwnEdition = Pick(Editions);
            GeneratePackage(excluded, [], []);
            _files[Manifest(excluded.Directory)] = RenderPackage(excluded, isRoot: false, members);
        }

        if (_packages.Any(p => p.HasLib) && Chance(4))
        {
            AddFuzzWorkspace(Pick(_packages.Where(p => p.HasLib).ToArray()));
        }

        return _files;
    }

    /// <summary>cargo-fuzz's layout: a nested workspace of its own inside the repository, depending
    /// on a member of the outer one by path.</summary>
    private void AddFuzzWorkspace(Package target)
    {
        var toml = new TomlBuilder(_random);
        toml.Table("package").Key("name", toml.String(target.Name + "-fuzz")).Key("version", toml.String("0.0.0")).Key("publish", "false").Key("edition", toml.String("2021"));
        toml.Table("package.metadata").Key("cargo-fuzz", "true");
        toml.Table("dependencies").Key(toml.BareOrQuoted(target.Name), $"{{ path = {toml.String(Relative("fuzz", target.Directory))} }}");
        toml.Key("itoa", toml.String("1"));
        toml.ArrayTable("bin").Key("name", toml.String("fuzz_target_1")).Key("path", toml.String("fuzz_targets/fuzz_target_1.rs")).Key("test", "false").Key("doc", "false").Key("bench", "false");
        toml.Table("workspace").Key("members", toml.Array(["."]));
        _files["fuzz/Cargo.toml"] = toml.ToString();
        _files["fuzz/fuzz_targets/fuzz_target_1.rs"] = "fn main() {}\n";
        if (Extra(2))
        {
            // cargo-fuzz's own configuration and toolchain pin (nightly in real life; stable is what is
            // installed here, and rustup names the file that chose it), read only where the nested root is built.
            _files[Extra(4) ? "fuzz/.cargo/config" : "fuzz/.cargo/config.toml"] = "[env]\nFUZZ_NESTED = \"1\"\n\n[build]\nrustflags = [\"--cfg\", \"fuzzing\"]\n";
            _files["fuzz/rust-toolchain.toml"] = "[toolchain]\nchannel = \"stable\"\n";
        }
    }

    private void GeneratePackage(Package package, List<Package> earlier, List<Package> later)
    {
        foreach (var crate in RegistryCrate.All.OrderBy(_ => _random.Next()).Take(_random.Next(4)))
        {
            package.Dependencies.Add(InheritedOrOwn(package, crate, "dependencies", allowOptional: true));
        }

        foreach (var (table, count) in new[] { ("dev-dependencies", _random.Next(3)), ("build-dependencies", _random.Next(2)) })
        {
            foreach (var crate in RegistryCrate.All.Where(c => package.Dependencies.All(d => d.Crate != c)).OrderBy(_ => _random.Next()).Take(count))
            {
                package.Dependencies.Add(InheritedOrOwn(package, crate, table, allowOptional: table == "build-dependencies"));
            }
        }

        foreach (var platform in Platforms.OrderBy(_ => _random.Next()).Take(_random.Next(3)))
        {
            var table = Pick(["dependencies", "dependencies", "dev-dependencies", "build-dependencies"]);

            // Common in the wild: a crate already depended on gets extra features on one platform.
            // Cargo refuses one crate under two names, so the key is reused, never renamed.
            var again = package.Dependencies.FirstOrDefault(d => d.Crate is not null && d.Package is null && !d.Workspace && d.Table == table && d.Platform is null);
            if (again is not null && Chance(2))
            {
                package.Dependencies.Add(again with { Platform = platform, Optional = false, Features = again.Crate!.Features.Where(_ => Chance(2)).ToArray() });
                continue;
            }

            var crate = Pick(RegistryCrate.All.Where(c => package.Dependencies.All(d => d.Crate != c)).ToArray());
            package.Dependencies.Add(RegistryDependency(crate, allowOptional: table != "dev-dependencies", allowDefaultFeatures: true) with { Table = table, Platform = platform });
        }

        foreach (var dependency in earlier.Where(_ => Chance(2)))
        {
            package.Dependencies.Add(PathDependency(package, dependency, Chance(4) ? "build-dependencies" : "dependencies"));
        }

        // Dev-dependencies may point anywhere, cycles included: cargo allows them.
        foreach (var dependency in later.Where(_ => Chance(4)))
        {
            package.Dependencies.Add(PathDependency(package, dependency, "dev-dependencies"));
        }

        GenerateFeatures(package);
        GenerateTargets(package);
    }

    private Dependency InheritedOrOwn(Package package, RegistryCrate crate, string table, bool allowOptional)
    {
        if (package.Standalone)
        {
            return RegistryDependency(crate, allowOptional, allowDefaultFeatures: true) with { Table = table };
        }

        if (_workspaceDependencies.TryGetValue(crate.Name, out var inherited) && Chance(4) == false)
        {
            var features = crate.Features.Where(_ => Chance(4)).ToArray();
            return new Dependency(inherited.Key, table) { Workspace = true, Features = features, Optional = allowOptional && Chance(4), Crate = crate };
        }

        if (crate.Name == "serde_json" && _workspaceDependencies.ContainsKey("json") && Chance(2))
        {
            return new Dependency("json", table) { Workspace = true, Crate = crate };
        }

        return RegistryDependency(crate, allowOptional, allowDefaultFeatures: true) with { Table = table };
    }

    private Dependency RegistryDependency(RegistryCrate crate, bool allowOptional, bool allowDefaultFeatures)
    {
        var renamed = Chance(6);
        return new Dependency(renamed ? crate.Name.Replace('-', '_') + "_renamed" : crate.Name, "dependencies")
        {
            Package = renamed ? crate.Name : null,
            Requirement = Pick(crate.Requirements),
            Features = crate.Features.Where(_ => Chance(3)).ToArray(),
            DefaultFeatures = allowDefaultFeatures && Chance(5) ? false : null,
            Optional = allowOptional && Chance(3),
            Crate = crate,
        };
    }

    private Dependency PathDependency(Package from, Package to, string table)
    {
        var path = Relative(from.Directory, to.Directory);
        var renamed = Chance(5);
        return new Dependency(renamed ? to.Name.Replace('-', '_') + "_local" : to.Name, table)
        {
            Package = renamed ? to.Name : null,
            Path = path,
            // A path dependency's requirement must match the package's version, pre-releases included.
            Requirement = Chance(3) ? (to.OwnVersion ?? _workspacePackage!.Version) : null,
            Local = to,
        };
    }

    private void GenerateFeatures(Package package)
    {
        var optional = package.Dependencies.Where(d => d.Optional).Select(d => d.Key).Distinct().ToList();
        var explicitStyle = optional.ToDictionary(key => key, _ => Chance(2));
        var features = new List<(string Name, List<string> Values)>();
        foreach (var name in FeatureNames.OrderBy(_ => _random.Next()).Take(_random.Next(4)))
        {
            var values = new List<string>();
            foreach (var key in optional.Where(_ => Chance(2)))
            {
                var dependency = package.Dependencies.First(d => d.Key == key && d.Optional);
                var subFeature = dependency.Crate?.Features.FirstOrDefault(_ => Chance(2));
                values.Add((explicitStyle[key], subFeature) switch
                {
                    (true, null) => "dep:" + key,
                    (true, { } f) => $"{key}?/{f}",
                    (false, null) => key,
                    (false, { } f) => $"{key}/{f}",
                });
            }

            foreach (var local in package.Dependencies.Where(d => d.Local is { Features.Count: > 0 } && d.Table == "dependencies" && Chance(3)))
            {
                values.Add($"{local.Key}/{Pick(local.Local!.Features.Select(f => f.Name).ToArray())}");
            }

            values.AddRange(features.Where(_ => Chance(3)).Select(f => f.Name));
            features.Add((name, values.Distinct().ToList()));
        }

        // A dep: reference anywhere removes the implicit feature; make sure explicit-style
        // optional dependencies are referenced at least once so that rule is exercised.
        foreach (var key in optional.Where(k => explicitStyle[k] && !features.Any(f => f.Values.Contains("dep:" + k))))
        {
            features.Add(("use-" + key.Replace('_', '-'), ["dep:" + key]));
        }

        if (features.Count > 0 && Chance(2))
        {
            features.Insert(0, ("default", features.Where(_ => Chance(2)).Select(f => f.Name).ToList()));
        }

        package.Features.AddRange(features);
    }

    private void GenerateTargets(Package package)
    {
        var featureNames = package.Features.Select(f => f.Name).Where(n => n != "default").ToArray();
        if (package.HasLib)
        {
            package.LibStyle = _random.Next(4);
            var libPath = package.LibStyle == 1 ? "src/core_impl.rs" : "src/lib.rs";
            Source(package, libPath);
        }

        var wantsMain = !package.HasLib || Chance(2);
        package.AutoBins = !(package.HasLib && Chance(6));
        if (wantsMain)
        {
            Source(package, "src/main.rs", "fn main() {}\n");
        }

        if (Chance(3))
        {
            Source(package, "src/bin/helper-tool.rs", "fn main() {}\n");
        }

        if (Chance(4))
        {
            Source(package, "src/bin/multi/main.rs", "fn main() {}\n");
            Source(package, "src/bin/multi/extra.rs");
        }

        if (Chance(3))
        {
            package.DeclaredBins.Add(("declared-cli", "cli/entry.rs", featureNames.Length > 0 && Chance(2) ? [Pick(featureNames)] : []));
            Source(package, "cli/entry.rs", "fn main() {}\n");
        }

        if (Chance(2))
        {
            Source(package, "examples/demo.rs", "fn main() {}\n");
        }

        if (featureNames.Length > 0 && Chance(2))
        {
            package.DeclaredExamples.Add(("gated", Pick(featureNames)));
            Source(package, "examples/gated.rs", "fn main() {}\n");
        }

        if (Chance(2))
        {
            Source(package, "tests/integration.rs");
        }

        if (Chance(4))
        {
            package.DeclaredTests.Add("custom-harness");
            Source(package, "tests/custom-harness.rs", "fn main() {}\n");
        }

        if (Chance(3))
        {
            Source(package, "benches/speed.rs");
        }

        package.AutoExamples = !Chance(6);
        package.AutoTests = !Chance(6);
        package.BuildStyle = _random.Next(5);
        switch (package.BuildStyle)
        {
            case 1:
                Source(package, "build.rs", "fn main() {}\n");
                break;
            case 2:
                Source(package, "build/generate.rs", "fn main() {}\n");
                break;
            case 3:
                // build = false: the file is there but cargo must not treat it as a build script.
                Source(package, "build.rs", "fn main() {}\n");
                break;
        }
    }

    private string RenderPackage(Package package, bool isRoot, List<string> members)
    {
        var toml = new TomlBuilder(_random);
        toml.Table("package").Key("name", toml.String(package.Name));
        Field(toml, "version", package.OwnVersion, _workspacePackage?.Version);
        Field(toml, "edition", package.OwnEdition, _workspacePackage?.Edition);
        if (_workspacePackage?.RustVersion is not null && !package.Standalone && Chance(2))
        {
            toml.Key("rust-version.workspace", "true");
        }

        if (Chance(3))
        {
            toml.Key("description", toml.String($"The {package.Name} package."));
        }

        if (Chance(4))
        {
            toml.Key("publish", "false");
        }

        if (!package.AutoBins)
        {
            toml.Key("autobins", "false");
        }

        if (!package.AutoExamples)
        {
            toml.Key("autoexamples", "false");
        }

        if (!package.AutoTests)
        {
            toml.Key("autotests", "false");
        }

        switch (package.BuildStyle)
        {
            case 2:
                toml.Key("build", toml.String("build/generate.rs"));
                break;
            case 3:
                toml.Key("build", "false");
                break;
        }

        var libFlags = package.HasLib ? Flags(package.LibStyle == 2 ? ["test", "bench", "doc"] : ["test", "doctest", "bench", "doc"]) : [];
        if (package.HasLib && (package.LibStyle > 0 || libFlags.Count > 0))
        {
            toml.Table("lib");
            switch (package.LibStyle)
            {
                case 0:
                    break;
                case 1:
                    toml.Key("name", toml.String(package.Name.Replace('-', '_') + "_impl")).Key("path", toml.String("src/core_impl.rs"));
                    break;
                case 2:
                    toml.Key("crate-type", toml.Array(["rlib", "cdylib"])).Key("doctest", "false");
                    break;
                default:
                    toml.Key("proc-macro", "true");
                    break;
            }

            KeyFlags(toml, libFlags);
        }

        foreach (var (name, path, required) in package.DeclaredBins)
        {
            toml.ArrayTable("bin").Key("name", toml.String(name)).Key("path", toml.String(path));
            if (required.Length > 0)
            {
                toml.Key("required-features", toml.Array(required));
            }

            KeyFlags(toml, Flags(["test", "bench", "doc"]));
        }

        foreach (var (name, feature) in package.DeclaredExamples)
        {
            toml.ArrayTable("example").Key("name", toml.String(name)).Key("required-features", toml.Array([feature]));
        }

        foreach (var name in package.DeclaredTests)
        {
            toml.ArrayTable("test").Key("name", toml.String(name)).Key("harness", "false");
            KeyFlags(toml, Flags(["test"]));
        }

        RenderDependencies(toml, package.Dependencies);
        if (package.Features.Count > 0)
        {
            toml.Table("features");
            foreach (var (name, values) in package.Features)
            {
                toml.Key(toml.BareOrQuoted(name), toml.Array(values));
            }
        }

        var text = toml.ToString();
        return isRoot ? text + "\n" + RenderWorkspace(members, text) : text;
    }

    private void Field(TomlBuilder toml, string key, string? own, string? inheritable)
    {
        if (own is not null)
        {
            toml.Key(key, toml.String(own));
        }
        else if (inheritable is not null)
        {
            if (Chance(2))
            {
                toml.Key(key + ".workspace", "true");
            }
            else
            {
                toml.Key(key, "{ workspace = true }");
            }
        }
    }

    private string RenderWorkspace(List<string> members, string? rootPackage)
    {
        var toml = new TomlBuilder(_random);
        toml.Table("workspace");
        if (rootPackage is null || Chance(2))
        {
            toml.Key("resolver", toml.String(Chance(2) ? "2" : "3"));
        }

        toml.Key("members", toml.Array(members));
        if (_excluded.Count > 0)
        {
            toml.Key("exclude", toml.Array(_excluded));
        }

        if (_workspacePackage is { } shared)
        {
            toml.Table("workspace.package").Key("version", toml.String(shared.Version)).Key("edition", toml.String(shared.Edition));
            if (shared.RustVersion is not null)
            {
                toml.Key("rust-version", toml.String(shared.RustVersion));
            }

            toml.Key("license", toml.String("MIT OR Apache-2.0"));
        }

        if (_workspaceDependencies.Count > 0)
        {
            toml.Table("workspace.dependencies");
            foreach (var dependency in _workspaceDependencies.Values)
            {
                toml.Key(toml.BareOrQuoted(dependency.Key), InlineValue(toml, dependency));
            }
        }

        if (_patchesItoa)
        {
            toml.Table("patch.crates-io").Key("itoa", "{ path = \"vendor/itoa\" }");
        }

        if (Chance(3))
        {
            toml.Table("profile.release").Key("debug", "1").Key("lto", toml.String("thin"));
        }

        return toml.ToString();
    }

    private void RenderDependencies(TomlBuilder toml, List<Dependency> dependencies)
    {
        foreach (var group in dependencies.GroupBy(d => (d.Platform, d.Table)))
        {
            var header = group.Key.Platform is null ? group.Key.Table : $"target.{toml.String(group.Key.Platform)}.{group.Key.Table}";
            var asSubTables = group.Where(_ => Chance(5)).ToList();
            var inline = group.Except(asSubTables).ToList();
            if (inline.Count > 0 || asSubTables.Count == 0)
            {
                toml.Table(header);
                foreach (var dependency in inline)
                {
                    if (dependency.Workspace && dependency.Features.Length == 0 && !dependency.Optional && Chance(2))
                    {
                        toml.Key(toml.BareOrQuoted(dependency.Key) + ".workspace", "true");
                    }
                    else
                    {
                        toml.Key(toml.BareOrQuoted(dependency.Key), InlineValue(toml, dependency));
                    }
                }
            }

            foreach (var dependency in asSubTables)
            {
                toml.Table(header + "." + toml.BareOrQuoted(dependency.Key));
                foreach (var (key, value) in Fields(toml, dependency))
                {
                    toml.Key(key, value);
                }
            }
        }
    }

    private string InlineValue(TomlBuilder toml, Dependency dependency)
    {
        var fields = Fields(toml, dependency);
        if (fields.Count == 1 && fields[0].Key == "version" && Chance(3) == false)
        {
            return fields[0].Value;
        }

        return "{ " + string.Join(", ", fields.Select(f => $"{f.Key} = {f.Value}")) + " }";
    }

    private static List<(string Key, string Value)> Fields(TomlBuilder toml, Dependency dependency)
    {
        var fields = new List<(string Key, string Value)>();
        if (dependency.Workspace)
        {
            fields.Add(("workspace", "true"));
        }

        if (dependency.Package is not null)
        {
            fields.Add(("package", toml.String(dependency.Package)));
        }

        if (dependency.Path is not null)
        {
            fields.Add(("path", toml.String(dependency.Path)));
        }

        if (dependency.Git is not null)
        {
            fields.Add(("git", toml.String(dependency.Git)));
            fields.Add(("branch", toml.String(dependency.Branch!)));
        }

        if (dependency.Requirement is not null)
        {
            fields.Add(("version", toml.String(dependency.Requirement)));
        }

        if (dependency.Features.Length > 0)
        {
            fields.Add(("features", toml.Array(dependency.Features)));
        }

        if (dependency.DefaultFeatures is { } defaults)
        {
            fields.Add(("default-features", TomlBuilder.Bool(defaults)));
        }

        if (dependency.Optional)
        {
            fields.Add(("optional", "true"));
        }

        return fields;
    }

    private void Source(Package package, string path, string content = "")
    {
        _files[(package.Directory.Length == 0 ? "" : package.Directory + "/") + path] = content;
    }

    private static string Manifest(string directory) => directory.Length == 0 ? "Cargo.toml" : directory + "/Cargo.toml";

    private static string Relative(string from, string to) =>
        Path.GetRelativePath("/r/" + from, "/r/" + to).Replace(Path.DirectorySeparatorChar, '/');

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private bool Extra(int oneIn) => _extra.Next(oneIn) == 0;

    /// <summary>Some of the target flags <paramref name="keys"/>, each set to false, for one target in three.</summary>
    private List<string> Flags(string[] keys) => Extra(3) ? keys.Where(_ => Extra(2)).ToList() : [];

    private static void KeyFlags(TomlBuilder toml, List<string> keys)
    {
        foreach (var key in keys)
        {
            toml.Key(key, "false");
        }
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private sealed record WorkspacePackage(string Version, string Edition, string? RustVersion);

    private sealed record Dependency(string Key, string Table)
    {
        public string? Package { get; init; }
        public string? Requirement { get; init; }
        public string? Path { get; init; }
        public string? Git { get; init; }
        public string? Branch { get; init; }
        public bool Workspace { get; init; }
        public string[] Features { get; init; } = [];
        public bool? DefaultFeatures { get; init; }
        public bool Optional { get; init; }
        public string? Platform { get; init; }
        public RegistryCrate? Crate { get; init; }
        public Package? Local { get; init; }
    }

    private sealed class Package(string name, string directory)
    {
        public string Name { get; } = name;
        public string Directory { get; } = directory;
        public bool HasLib { get; set; }
        public bool Standalone { get; set; }
        public int LibStyle { get; set; }
        public string? OwnVersion { get; set; }
        public string? OwnEdition { get; set; }
        public bool AutoBins { get; set; } = true;
        public bool AutoExamples { get; set; } = true;
        public bool AutoTests { get; set; } = true;
        public int BuildStyle { get; set; }
        public List<Dependency> Dependencies { get; } = [];
        public List<(string Name, List<string> Values)> Features { get; } = [];
        public List<(string Name, string Path, string[] RequiredFeatures)> DeclaredBins { get; } = [];
        public List<(string Name, string Feature)> DeclaredExamples { get; } = [];
        public List<string> DeclaredTests { get; } = [];
    }
}
