using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Scripting;
using Cake.Cli.Infrastructure;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Prewarm.Frosting.Internal;

/// <summary>The single command of the host: builds the container from the parsed command line,
/// registers the tasks and hands the targets to the script host the switches ask for.</summary>
internal sealed class DefaultCommand(IServiceCollection services) : AsyncCommand<DefaultCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, DefaultCommandSettings settings, CancellationToken cancellationToken)
    {
        // Resolved lazily, after the working directory is set, so argument sources read files relative to it.
        services.AddSingleton<ICakeArguments>(sp => commandContext.Remaining.ToCakeArguments(
            settings.Targets,
            arguments =>
            {
                var workingDirectory = sp.GetRequiredService<ICakeEnvironment>().WorkingDirectory.FullPath;
                foreach (var source in sp.GetServices<IArgumentSource>())
                {
                    source.Contribute(arguments, workingDirectory);
                }
            }));
        services.AddSingleton(commandContext.Remaining);

        await using var provider = services.BuildServiceProvider();
        var log = provider.GetRequiredService<ICakeLog>();
        try
        {
            if (settings.Version)
            {
                provider.GetRequiredService<VersionFeature>().Run(provider.GetRequiredService<IConsole>());
                return 0;
            }

            if (settings.Info)
            {
                provider.GetRequiredService<InfoFeature>().Run(provider.GetRequiredService<IConsole>());
                return 0;
            }

            log.Verbosity = settings.Verbosity;
            SetWorkingDirectory(provider, settings.WorkingDirectory);

            var tasks = provider.GetRequiredService<TaskRegistrar>().Register();
            if (!settings.Tree && !settings.Description)
            {
                EnsureTargetsExist(settings.Targets, tasks);
            }

            var host = SelectHost(provider, settings);
            if (settings.Exclusive)
            {
                host.Settings.UseExclusiveTarget();
            }

            await host.RunTargetsAsync(settings.Targets).ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception)
        {
            return log.LogException(Unwrap(exception));
        }
    }

    private static ScriptHost SelectHost(IServiceProvider provider, DefaultCommandSettings settings)
    {
        if (settings.DryRun)
        {
            return provider.GetRequiredService<DryRunScriptHost<IFrostingContext>>();
        }

        if (settings.Tree)
        {
            return provider.GetRequiredService<TreeScriptHost>();
        }

        if (settings.Description)
        {
            return provider.GetRequiredService<DescriptionScriptHost>();
        }

        return provider.GetRequiredService<BuildScriptHost<IFrostingContext>>();
    }

    private static void SetWorkingDirectory(IServiceProvider provider, DirectoryPath? requested)
    {
        var environment = provider.GetRequiredService<ICakeEnvironment>();
        var fileSystem = provider.GetRequiredService<IFileSystem>();
        var directory = (requested ?? provider.GetService<WorkingDirectory>()?.Path)?.MakeAbsolute(environment)
            ?? environment.WorkingDirectory;
        if (!fileSystem.Exist(directory))
        {
            throw new FrostingException($"The working directory '{directory.FullPath}' does not exist.");
        }

        environment.WorkingDirectory = directory;
    }

    // Cake's own message for an unknown target does not say what would have been valid.
    private static void EnsureTargetsExist(IEnumerable<string> targets, IReadOnlyList<TaskDescriptor> tasks)
    {
        var known = tasks.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = targets.Where(t => !known.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            var valid = string.Join(", ", tasks.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase));
            throw new FrostingException($"Unknown target '{string.Join("', '", unknown)}'. Valid targets: {valid}.");
        }
    }

    // The engine wraps task failures; the user wants the task's own message.
    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}
