using System.Globalization;
using System.Text;
using System.Text.Json;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>Compile times a build measured, per crate version (<c>name version</c>): the sum of its units'
/// durations (library, build script, its run) from <c>cargo build --timings</c>'s report
/// (<c>target/cargo-timings/cargo-timing.html</c>, its <c>UNIT_DATA</c>; cargo's <c>--message-format=json</c>
/// carries no times). Several reports: the longest time seen per version.</summary>
public sealed class CompileTimes
{
    private readonly Dictionary<string, double> _seconds;

    private CompileTimes(Dictionary<string, double> seconds) => _seconds = seconds;

    public static CompileTimes None { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal));

    public int Count => _seconds.Count;

    /// <summary>Reads one <c>cargo-timing.html</c>; <paramref name="file"/> names it in errors.</summary>
    public static CompileTimes ParseTimingReport(string html, string file)
    {
        const string marker = "const UNIT_DATA = ";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new PrewarmException($"{file}: not a cargo --timings report (no UNIT_DATA); pass target/cargo-timings/cargo-timing.html");
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(html[(start + marker.Length)..]));
            using var units = JsonDocument.ParseValue(ref reader);
            var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var unit in units.RootElement.EnumerateArray())
            {
                var key = $"{unit.GetProperty("name").GetString()} {unit.GetProperty("version").GetString()}";
                seconds[key] = seconds.GetValueOrDefault(key) + unit.GetProperty("duration").GetDouble();
            }

            return new CompileTimes(seconds);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PrewarmException($"{file}: cargo --timings report not understood: {e.Message}", e);
        }
    }

    /// <summary>Both measurements; the longer time where both have a version.</summary>
    public CompileTimes Merge(CompileTimes other)
    {
        var seconds = new Dictionary<string, double>(_seconds, StringComparer.Ordinal);
        foreach (var (key, value) in other._seconds)
        {
            seconds[key] = Math.Max(value, seconds.GetValueOrDefault(key));
        }

        return new CompileTimes(seconds);
    }

    /// <summary>Seconds to compile <paramref name="package"/> and what it needs (its locked closure), counting the
    /// versions a build measured; null when none of them was measured.</summary>
    public double? ClosureSeconds(LockedPackage package, Lockfile lockfile)
    {
        if (_seconds.Count == 0)
        {
            return null;
        }

        var measured = lockfile.TransitiveClosure(package).Append(package)
            .Select(p => _seconds.TryGetValue($"{p.Name} {p.Version}", out var s) ? s : (double?)null)
            .OfType<double>()
            .ToList();
        return measured.Count == 0 ? null : Math.Round(measured.Sum(), 2);
    }

    public static string Format(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
