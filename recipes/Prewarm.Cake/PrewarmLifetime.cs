using Cake.Frosting;
using Prewarm.Cake.Configuration;
using Prewarm.Cake.Support;
using Prewarm.Core.Configuration;
using Prewarm.Core.Settings;

namespace Prewarm.Cake;

/// <summary>The run's lifetime, registered by <c>UsePrewarm</c>, so a host from the dotnet-new template or a
/// team's own build gets what this repository's build gets. Before the first task: binds the settings once
/// (prewarm.toml and the command line), installs the interrupt handler that stops outputs being half-written,
/// and starts the process's GC settings (<see cref="ShortProcessGc"/>); after the last task, ends them.
/// <c>--tree</c>, <c>--description</c> and <c>--dryrun</c> run no task and so none of this.</summary>
public class PrewarmLifetime : FrostingLifetime<PrewarmContext>
{
    public override void Setup(PrewarmContext context, ISetupContext info)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workingDirectory = context.Environment.WorkingDirectory.FullPath;
        // The options of prewarm.toml came in with the arguments; its [services.NAME] tables, which no argument spells, are read here.
        var config = PrewarmConfigArgumentSource.Locate(
            context.Arguments.HasArgument(PrewarmConfigFile.Argument) ? [.. context.Arguments.GetArguments(PrewarmConfigFile.Argument)] : null, workingDirectory);
        var services = config is null ? [] : PrewarmConfigFile.Read(config).Services;
        context.Bind(SettingsBinder.Bind(TaskArguments.Reader(context), workingDirectory, services));
        InterruptedWrites.Install();
        ShortProcessGc.Start();
    }

    public override void Teardown(PrewarmContext context, ITeardownContext info) => ShortProcessGc.End();
}
