using Cake.Frosting;
using Prewarm.Cake.Support;
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
        context.Bind(SettingsBinder.Bind(TaskArguments.Reader(context), context.Environment.WorkingDirectory.FullPath));
        InterruptedWrites.Install();
        ShortProcessGc.Start();
    }

    public override void Teardown(PrewarmContext context, ITeardownContext info) => ShortProcessGc.End();
}
