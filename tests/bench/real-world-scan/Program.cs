using System.Diagnostics;
using System.Globalization;
using Prewarm.Core.Scanning;

// Usage: RealWorldScan RUNS DIR... — per directory: the scan (in-process, one warm-up run first) and
// `cargo metadata --format-version 1 --offline --no-deps` on every root the scan finds (each
// workspace root and standalone package, one after another), alternating, RUNS times each.
var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
Console.WriteLine("| repository | packages | roots | scan median ms | cargo metadata median ms | scan/cargo |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var directory in args.Skip(1))
{
    var repository = RepositoryScanner.Scan(directory);
    var roots = repository.Workspaces.Select(w => w.RootManifestPath)
        .Concat(repository.Packages.Where(p => p.WorkspaceRoot is null && p.InheritsFrom is null).Select(p => p.ManifestPath))
        .Distinct()
        .Select(r => Path.Combine(repository.RootPath, r))
        .ToList();
    CargoMetadataOnAll(roots);

    var scan = new List<double>();
    var cargo = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        RepositoryScanner.Scan(directory);
        scan.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        CargoMetadataOnAll(roots);
        cargo.Add(watch.Elapsed.TotalMilliseconds);
    }

    var (s, c) = (Median(scan), Median(cargo));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/'))} | {repository.Packages.Count} | {roots.Count} | {s:F0} | {c:F0} | {s / c:F2} |"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static void CargoMetadataOnAll(IEnumerable<string> manifests)
{
    foreach (var manifest in manifests)
    {
        // From the manifest's directory: cargo finds .cargo/config.toml from the working directory.
        var start = new ProcessStartInfo("cargo", ["metadata", "--format-version", "1", "--offline", "--no-deps", "--manifest-path", manifest])
        {
            WorkingDirectory = Path.GetDirectoryName(manifest)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cargo metadata --manifest-path {manifest} failed: {error}");
        }
    }
}
