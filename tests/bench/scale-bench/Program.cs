using System.Diagnostics;
using System.Globalization;
using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Cake.Support;

// Usage: ScaleBench RUNS REPO ARTIFACTS [--default-gc] — runs the build host's `--target=Recipe` (Scan,
// then Recipe) RUNS times in this one process and prints each run's wall time: the first run pays the
// JIT as the built host does; the later ones are the warm, in-process cost of the stages themselves.
// Each run gets the GC the host process runs with (ShortProcessGc's no-GC region, begun here before the
// clock starts, so the host's lifetime finds it on, and ended by it); --default-gc runs them under the
// runtime's usual budget.
var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var hostGc = !args.Contains("--default-gc");
if (!hostGc)
{
    // The host's lifetime would start its region in each run: this tells it not to.
    Environment.SetEnvironmentVariable("PREWARM_GC", "default");
}

string[] hostArgs = ["--target=Recipe", $"--repo={args[1]}", $"--artifacts={args[2]}", "--verbosity=quiet"];
var times = new List<double>();
var cpu = new List<double>();
var gc = new List<(double PauseMs, int Gen2)>();
var allocated = new List<(long Bytes, int Gen0)>();
using var self = Process.GetCurrentProcess();
for (var i = 0; i < runs; i++)
{
    if (hostGc)
    {
        ShortProcessGc.Start();
    }

    self.Refresh();
    var cpu0 = self.TotalProcessorTime;
    var pause0 = GC.GetTotalPauseDuration();
    var gen2 = GC.CollectionCount(2);
    var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
    var gen0 = GC.CollectionCount(0);
    var watch = Stopwatch.StartNew();
    var code = new CakeHost().UsePrewarm().Run(hostArgs);
    times.Add(watch.Elapsed.TotalMilliseconds);
    ShortProcessGc.End();
    gc.Add(((GC.GetTotalPauseDuration() - pause0).TotalMilliseconds, GC.CollectionCount(2) - gen2));
    allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes0, GC.CollectionCount(0) - gen0));
    self.Refresh();
    // CPU time (all threads, GC included) is steadier than wall time on a shared machine.
    cpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
    if (code != 0)
    {
        return code;
    }
}

Console.WriteLine(hostGc ? "GC: the host's (no-GC region per run)" : "GC: the runtime's default");
Console.WriteLine(Line("wall", times));
Console.WriteLine(Line("cpu ", cpu));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC pauses per run (ms/gen2 collections): {string.Join(' ', gc.Select(g => $"{g.PauseMs:F0}/{g.Gen2}"))}"));
// Allocation is steadier still: it does not depend on the machine's load at all.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per run (MB/gen0 collections): {string.Join(' ', allocated.Select(a => $"{a.Bytes / 1e6:F0}/{a.Gen0}"))}"));
return 0;

static string Line(string what, List<double> values)
{
    var warm = values.Skip(1).Order().ToList();
    return string.Create(CultureInfo.InvariantCulture,
        $"in-process Scan+Recipe {what}: first {values[0]:F0} ms; warm median {(warm.Count > 0 ? warm[warm.Count / 2] : double.NaN):F0} ms; runs {string.Join(' ', values.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
}
