using System.Reflection;
using Cake.Cli;
using Cake.Common.Modules;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Prewarm.Frosting.Internal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cake.Frosting;

/// <summary>
/// The entry point of a Frosting-style build: collects task types from assemblies, the context,
/// lifetimes and services, then parses the Cake command line and runs the targets. Its members are
/// Cake.Frosting's host's; everything else is set up through extension methods
/// (<see cref="CakeHostExtensions"/>, and Prewarm's own in <c>Prewarm.Frosting</c>).
/// <code>return new CakeHost().UseContext&lt;BuildContext&gt;().Run(args);</code>
/// </summary>
public sealed class CakeHost
{
    private readonly ServiceCollection _services = new();
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Type> _taskTypes = [];
    private IAnsiConsole _console = AnsiConsole.Console;

    public CakeHost()
    {
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            _assemblies.Add(entry);
        }

        // Registered first so that ConfigureServices can replace any of them (the last registration wins).
        RegisterDefaults();
    }

    public static CakeHost Create() => new();

    /// <summary>Discovers every public, concrete task type in <paramref name="assembly"/>.</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        if (!_assemblies.Contains(assembly))
        {
            _assemblies.Add(assembly);
        }

        return this;
    }

    public CakeHost ConfigureServices(Action<IServiceCollection> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services(_services);
        return this;
    }

    /// <summary>Parses <paramref name="args"/> and runs; returns the process exit code.</summary>
    public int Run(IEnumerable<string> args) => RunAsync(args).GetAwaiter().GetResult();

    internal CakeHost AddTaskType(Type type)
    {
        _taskTypes.Add(type);
        return this;
    }

    internal CakeHost SetConsole(IAnsiConsole console)
    {
        _console = console;
        return this;
    }

    private Task<int> RunAsync(IEnumerable<string> args)
    {
        foreach (var type in DiscoverTasks())
        {
            _services.AddSingleton(typeof(IFrostingTask), type);
        }

        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IServiceCollection), _services);
        var app = new CommandApp<DefaultCommand>(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName(Assembly.GetEntryAssembly()?.GetName().Name ?? "build");
            config.ConfigureConsole(_console);
            config.PropagateExceptions();
        });

        return RunCommandAppAsync(app, args.ToArray());
    }

    private async Task<int> RunCommandAppAsync(CommandApp<DefaultCommand> app, string[] args)
    {
        try
        {
            return await app.RunAsync(args).ConfigureAwait(false);
        }
        catch (CommandParseException exception)
        {
            _console.MarkupLine($"[red]Error:[/] {Markup.Escape(exception.Message)}");
            return 1;
        }
        catch (CommandRuntimeException exception)
        {
            _console.MarkupLine($"[red]Error:[/] {Markup.Escape(exception.Message)}");
            return 1;
        }
    }

    private IEnumerable<Type> DiscoverTasks() =>
        _assemblies.SelectMany(a => a.GetExportedTypes())
            .Concat(_taskTypes)
            .Where(TaskDescriptor.IsTask)
            .Distinct();

    private void RegisterDefaults()
    {
        _services.UseModule<CoreModule>();
        _services.UseModule<CommonModule>();
        _services.AddSingleton<IProcessRunner>(sp => new SignalAwareProcessRunner(ActivatorUtilities.CreateInstance<ProcessRunner>(sp)));
        _services.AddSingleton(sp => _console);
        _services.AddSingleton<IConsole>(sp => PlainConsole.WhenWanted(ActivatorUtilities.CreateInstance<CakeConsole>(sp)));
        _services.AddSingleton<ICakeLog, CakeBuildLog>();
        _services.AddSingleton<ICakeReportPrinter>(sp => new CakeSpectreReportPrinter(sp.GetRequiredService<IAnsiConsole>()));
        _services.AddSingleton<ICakeConfiguration, HostConfiguration>();
        _services.AddSingleton<BuildScriptHost<IFrostingContext>>();
        _services.AddSingleton<DryRunScriptHost<IFrostingContext>>();
        _services.AddSingleton<TreeScriptHost>();
        _services.AddSingleton<DescriptionScriptHost>();
        _services.AddSingleton<IVersionResolver, VersionResolver>();
        _services.AddSingleton<VersionFeature>();
        _services.AddSingleton<InfoFeature>();
        _services.AddSingleton<TaskRegistrar>();
        _services.UseContext<FrostingContext>(); // until the build names its own
    }
}
