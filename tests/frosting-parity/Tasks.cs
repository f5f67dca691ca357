using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;

[TaskName("Clean")]
[TaskDescription("Removes the previous output.")]
public sealed class CleanTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => context.Say("clean");
}

[TaskName("Compile")]
[IsDependentOn(typeof(CleanTask))]
public sealed class CompileTask : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        await Task.Delay(10);
        context.Say("compile");
    }
}

// No [TaskName]: Cake.Frosting names it after the class, "PackageTask".
[IsDependentOn(typeof(CompileTask))]
public sealed class PackageTask(Greeting greeting) : FrostingTask<BuildContext>
{
    public override bool ShouldRun(BuildContext context) => context.BuildConfiguration == "Release";

    public override void Run(BuildContext context) => context.Say($"package ({greeting.Text})");
}

[TaskName("Default")]
[IsDependentOn(typeof(PackageTask))]
public sealed class DefaultTask : FrostingTask
{
    public override void Run(ICakeContext context) => context.Log.Information("parity: default");
}
