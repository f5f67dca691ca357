using Prewarm.Core.IO;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>A package's targets as cargo sees them: declared <c>[lib]</c>/<c>[[bin]]</c>/<c>[[example]]</c>/
/// <c>[[test]]</c>/<c>[[bench]]</c> plus the auto-discovered ones (<c>src/main.rs</c>, <c>src/bin/*</c>,
/// <c>examples/*</c>, <c>tests/*</c>, <c>benches/*</c>) and the build script. Used by Scan and by
/// Recipe, which must create a stub for every target.</summary>
public static class TargetDiscovery
{
    /// <summary>Resolves the targets of a package manifest.</summary>
    /// <param name="repoRoot">Absolute repository root (files are looked up under it).</param>
    /// <param name="manifestPath">The manifest relative to <paramref name="repoRoot"/> with '/' separators.</param>
    /// <param name="document">The parsed manifest.</param>
    /// <param name="packageName">The package name.</param>
    /// <param name="edition">The package's edition, inheritance applied.</param>
    public static ResolvedTargets Resolve(string repoRoot, string manifestPath, TomlTable document, string packageName, string edition) =>
        Resolve(repoRoot, manifestPath, document, packageName, edition, null);

    /// <summary>As the public overload, looking files up in the scan's directory <paramref name="listings"/> where they settle it.</summary>
    internal static ResolvedTargets Resolve(string repoRoot, string manifestPath, TomlTable document, string packageName, string edition, ListedDirectories? listings)
    {
        var values = new TomlValues(manifestPath);
        var directory = ManifestPaths.DirectoryOf(manifestPath);
        var package = values.Table(document, "package") ?? new TomlTable();
        var files = new PackageFiles(repoRoot, directory, listings);
        var targets = new List<CargoTarget>();

        var lib = Library(values, document, package, files, packageName, edition);
        if (lib is not null)
        {
            targets.Add(lib);
        }

        targets.AddRange(Binaries(values, document, package, files, packageName, edition, lib?.SrcPath));
        targets.AddRange(Others(values, document, package, files, edition, "example", "examples", "autoexamples"));
        targets.AddRange(Others(values, document, package, files, edition, "test", "tests", "autotests"));
        targets.AddRange(Others(values, document, package, files, edition, "bench", "benches", "autobenches"));

        var buildScript = BuildScript(values, package, files);
        if (buildScript is not null)
        {
            targets.Add(new CargoTarget
            {
                // Cargo names the unit after the script's file stem: build/generate.rs is build-script-generate.
                Name = "build-script-" + Path.GetFileNameWithoutExtension(buildScript),
                Kinds = ["custom-build"],
                CrateTypes = ["bin"],
                SrcPath = buildScript,
                Edition = edition,
                Test = false,
                Bench = false,
                AutoDiscovered = values.String(package, "build") is null,
            });
        }

        // Cargo refuses to load a package that would build nothing but its build script.
        if (targets.All(t => t.Kinds.Contains("custom-build")))
        {
            throw new CargoManifestException(values.File, "no targets specified in the manifest: either src/lib.rs, src/main.rs, a [lib] section, or [[bin]] section must be present");
        }

        return new ResolvedTargets(targets, buildScript);
    }

    private static CargoTarget? Library(TomlValues values, TomlTable document, TomlTable package, PackageFiles files, string packageName, string edition)
    {
        var declared = values.Table(document, "lib");
        var autoLib = values.Bool(package, "autolib") ?? true;
        var path = declared is not null ? values.String(declared, "path") : null;
        if (path is null)
        {
            if (!files.Exists("src/lib.rs") || (declared is null && !autoLib))
            {
                if (declared is null)
                {
                    return null;
                }

                throw new CargoManifestException(values.File, "`[lib]` has no `path` and src/lib.rs does not exist");
            }

            path = "src/lib.rs";
        }

        declared ??= new TomlTable();
        var procMacro = values.Bool(declared, "proc-macro") ?? values.Bool(declared, "proc_macro") ?? false;
        var crateTypes = values.Strings(declared, "crate-type") ?? values.Strings(declared, "crate_type") ?? [procMacro ? "proc-macro" : "lib"];
        var lib = Apply(values, declared, new CargoTarget
        {
            Name = values.String(declared, "name") ?? packageName.Replace('-', '_'),
            Kinds = crateTypes,
            CrateTypes = crateTypes,
            SrcPath = files.Relative(path),
            Edition = edition,
            Doctest = true,
            Doc = true,
            AutoDiscovered = declared.Count == 0,
        });

        // cargo runs doctests only against a Rust library (lib, rlib, proc-macro); a cdylib- or
        // staticlib-only crate has none, whatever `doctest` says.
        return lib with { Doctest = lib.Doctest && crateTypes.Any(t => t is "lib" or "rlib" or "proc-macro") };
    }

    private static IEnumerable<CargoTarget> Binaries(TomlValues values, TomlTable document, TomlTable package, PackageFiles files, string packageName, string edition, string? libPath)
    {
        var result = new List<CargoTarget>();
        foreach (var bin in values.TableArray(document, "bin"))
        {
            var name = values.String(bin, "name") ?? throw new CargoManifestException(values.File, "a `[[bin]]` target has no `name`");
            var path = values.String(bin, "path")
                ?? FirstExisting(files, $"src/bin/{name}.rs", $"src/bin/{name}/main.rs")
                ?? (name == packageName && files.Exists("src/main.rs") ? "src/main.rs" : null)
                ?? throw new CargoManifestException(values.File, $"can't find `{name}` bin at `src/bin/{name}.rs` or `src/bin/{name}/main.rs`; specify `path`");
            result.Add(Apply(values, bin, BinTarget(name, files.Relative(path), edition, autoDiscovered: false)));
        }

        if (values.Bool(package, "autobins") ?? AutoDiscoveryDefault(document, "bin", edition))
        {
            var inferred = new List<(string Name, string Path)>();
            if (files.Exists("src/main.rs"))
            {
                inferred.Add((packageName, "src/main.rs"));
            }

            inferred.AddRange(files.Inferred("src/bin"));
            result.AddRange(inferred
                .Select(i => (i.Name, Path: files.Relative(i.Path)))
                .Where(i => result.All(r => r.Name != i.Name && r.SrcPath != i.Path))
                .Select(i => BinTarget(i.Name, i.Path, edition, autoDiscovered: true)));
        }

        return result;
    }

    private static CargoTarget BinTarget(string name, string srcPath, string edition, bool autoDiscovered) => new()
    {
        Name = name,
        Kinds = ["bin"],
        CrateTypes = ["bin"],
        SrcPath = srcPath,
        Edition = edition,
        Doc = true,
        AutoDiscovered = autoDiscovered,
    };

    private static IEnumerable<CargoTarget> Others(TomlValues values, TomlTable document, TomlTable package, PackageFiles files, string edition, string kind, string folder, string autoKey)
    {
        var result = new List<CargoTarget>();
        foreach (var declared in values.TableArray(document, kind))
        {
            var name = values.String(declared, "name") ?? throw new CargoManifestException(values.File, $"a `[[{kind}]]` target has no `name`");
            var path = values.String(declared, "path")
                ?? FirstExisting(files, $"{folder}/{name}.rs", $"{folder}/{name}/main.rs")
                ?? throw new CargoManifestException(values.File, $"can't find `{name}` {kind} at `{folder}/{name}.rs` or `{folder}/{name}/main.rs`; specify `path`");
            var target = OtherTarget(kind, name, files.Relative(path), edition, autoDiscovered: false);
            if (kind == "example")
            {
                var crateTypes = values.Strings(declared, "crate-type") ?? values.Strings(declared, "crate_type");
                if (crateTypes is not null)
                {
                    target = target with { CrateTypes = crateTypes };
                }
            }

            result.Add(Apply(values, declared, target));
        }

        if (values.Bool(package, autoKey) ?? AutoDiscoveryDefault(document, kind, edition))
        {
            result.AddRange(files.Inferred(folder)
                .Select(i => (i.Name, Path: files.Relative(i.Path)))
                .Where(i => result.All(r => r.Name != i.Name && r.SrcPath != i.Path))
                .Select(i => OtherTarget(kind, i.Name, i.Path, edition, autoDiscovered: true)));
        }

        return result;
    }

    /// <summary>Edition 2015 keeps its old rule: declaring any target of a kind turns off discovery of
    /// the others of that kind unless <c>auto&lt;kind&gt;s</c> says otherwise.</summary>
    private static bool AutoDiscoveryDefault(TomlTable document, string kind, string edition) =>
        edition != "2015" || !document.ContainsKey(kind);

    private static CargoTarget OtherTarget(string kind, string name, string srcPath, string edition, bool autoDiscovered) => new()
    {
        Name = name,
        Kinds = [kind],
        CrateTypes = ["bin"],
        SrcPath = srcPath,
        Edition = edition,
        Test = kind == "test",
        Bench = kind == "bench",
        AutoDiscovered = autoDiscovered,
    };

    /// <summary>The target as cargo would see it without any of its per-target flags (<c>test</c>,
    /// <c>doctest</c>, <c>bench</c>, <c>doc</c>, <c>harness</c>): what the skeleton need not write.</summary>
    public static CargoTarget WithDefaultFlags(CargoTarget target)
    {
        var kind = target.Kinds.FirstOrDefault(k => k is "bin" or "example" or "test" or "bench" or "custom-build");
        var defaults = kind switch
        {
            null => target with { Test = true, Bench = true, Doc = true, Doctest = true },
            "bin" => BinTarget(target.Name, target.SrcPath, target.Edition, target.AutoDiscovered),
            "custom-build" => target with { Test = false, Bench = false, Doc = false, Doctest = false },
            _ => OtherTarget(kind, target.Name, target.SrcPath, target.Edition, target.AutoDiscovered),
        };
        return target with
        {
            Test = defaults.Test,
            Bench = defaults.Bench,
            Doc = defaults.Doc,
            // As Library: no doctests without a Rust library crate type.
            Doctest = defaults.Doctest && (target.CrateTypes.Count > 0 ? target.CrateTypes : target.Kinds).Any(t => t is "lib" or "rlib" or "proc-macro"),
            Harness = true,
        };
    }

    /// <summary>Per-target keys that override the defaults.</summary>
    private static CargoTarget Apply(TomlValues values, TomlTable declared, CargoTarget target) => target with
    {
        Edition = values.String(declared, "edition") ?? target.Edition,
        RequiredFeatures = values.Strings(declared, "required-features") ?? values.Strings(declared, "required_features") ?? target.RequiredFeatures,
        Test = values.Bool(declared, "test") ?? target.Test,
        Doctest = values.Bool(declared, "doctest") ?? target.Doctest,
        Bench = values.Bool(declared, "bench") ?? target.Bench,
        Doc = values.Bool(declared, "doc") ?? target.Doc,
        Harness = values.Bool(declared, "harness") ?? target.Harness,
    };

    private static string? BuildScript(TomlValues values, TomlTable package, PackageFiles files)
    {
        if (package.TryGetValue("build", out var build))
        {
            return build switch
            {
                false => null,
                true => files.Relative("build.rs"),
                string path => files.Relative(path),
                _ => throw values.Invalid(package, "build", "a path or a boolean", build),
            };
        }

        return files.Exists("build.rs") ? files.Relative("build.rs") : null;
    }

    private static string? FirstExisting(PackageFiles files, params string[] candidates) =>
        candidates.FirstOrDefault(files.Exists);
}
