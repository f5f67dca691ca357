using Cake.Frosting;
using Prewarm.Cake.Benchmarking;
using Prewarm.Core.Benchmarking;
using Prewarm.Core.Cargo;
using Prewarm.Core.Settings;
using Spectre.Console;
using RepositoryIds = Prewarm.Cake.Support.RepositoryIds;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Times three builds of the first <c>--repo</c>, <c>--runs=3</c> times each: cold (empty target dir and
/// empty sccache), warm (dependencies built first from a stubbed copy of the workspace into the same
/// target dir, like a Docker dependency layer; only the real build is timed) and subsequent (every
/// workspace member's sources touched after a full build). <c>--sccache=on|off</c> (default: on when
/// sccache is installed; a private server on a free port with a fresh cache per run), <c>--release</c>.
/// Writes <c>benchmark/report.md|report.json|chart.svg</c>; appends report.md to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
[TaskName("Benchmark")]
[TaskDescription("Measures cold, warm and subsequent builds and writes report.md, report.json and a chart.")]
public sealed class BenchmarkTask(IAnsiConsole console) : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var runs = context.Settings.Benchmark.Runs;
        var useSccache = context.Settings.Shared.Sccache.UseLocally(installed: context.Tools.Resolve("sccache") is not null);
        var build = context.Settings.Shared.Build;
        var release = build.Profile == "release";
        var (repository, id) = RepositoryIds.Assign(context.Repositories)[0];
        RootManifest.Require(repository.FullPath);
        var builder = new BenchmarkBuilder(context, useSccache, build);
        var results = new BenchmarkResults();
        using (var workspace = new BenchmarkWorkspace(repository.FullPath, context.Artifacts.FullPath, builder.Targets(repository.FullPath)))
        {
            try
            {
                console.Status().Start(Markup.Escape($"Benchmarking {id}"), status =>
                {
                    for (var run = 1; run <= runs; run++)
                    {
                        foreach (var phase in BenchmarkPlan.Run(run, runs, id, workspace.RunDirectory(run)))
                        {
                            builder.Run(phase, workspace, results, line => status.Status(Markup.Escape(line)));
                        }

                        Directory.Delete(workspace.RunDirectory(run), recursive: true);
                    }
                });
            }
            finally
            {
                builder.Stop();
            }
        }

        var report = results.Report(id, release, useSccache, runs);
        BenchmarkReportWriter.Write(report, context.Layout.BenchmarkDirectory);
        context.Log.Information("{0}; wrote {1}", BenchmarkResults.Summary(report), Path.Combine(context.Layout.BenchmarkDirectory, "report.md"));
        if (context.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, BenchmarkReportWriter.ToMarkdown(report) + "\n");
        }
    }
}
