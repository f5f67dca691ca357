using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Prewarm.Frosting;

/// <summary>What this host offers beyond Cake.Frosting's. In their own namespace, so a build file that
/// needs none of them has only <c>using Cake.Frosting;</c> and compiles against either host.</summary>
public static class PrewarmHostExtensions
{
    /// <summary>Adds one task type without scanning its assembly.</summary>
    public static CakeHost AddTask<TTask>(this CakeHost host)
        where TTask : class, IFrostingTask =>
        host.AddTaskType(typeof(TTask));

    /// <summary>Adds arguments from another source (a configuration file); the command line wins.</summary>
    public static CakeHost UseArgumentSource<TSource>(this CakeHost host)
        where TSource : class, IArgumentSource =>
        host.ConfigureServices(services => services.AddSingleton<IArgumentSource, TSource>());

    /// <summary>Writes to <paramref name="console"/> instead of the process console (tests capture output this way).</summary>
    public static CakeHost UseConsole(this CakeHost host, IAnsiConsole console) => host.SetConsole(console);
}
