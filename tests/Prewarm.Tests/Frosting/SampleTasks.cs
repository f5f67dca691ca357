using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;

namespace Prewarm.Tests.Frosting.Samples;

/// <summary>Records what the host did, in order; tasks get it through constructor injection.</summary>
public sealed class Recorder
{
    public List<string> Events { get; } = [];

    /// <summary>The process runner the context was built with.</summary>
    public IProcessRunner? ProcessRunner { get; set; }
}

/// <summary>A typed context that reads a custom argument, as real build contexts do.</summary>
public sealed class SampleContext : FrostingContext
{
    public SampleContext(ICakeContext context, Recorder recorder)
        : base(context)
    {
        Recorder = recorder;
        recorder.ProcessRunner = context.ProcessRunner;
        Flavour = context.Arguments.HasArgument("flavour") ? context.Arguments.GetArgument("flavour") : "plain";
        SkipOptional = context.Arguments.HasArgument("skip-optional");
    }

    public Recorder Recorder { get; }
    public string Flavour { get; }
    public bool SkipOptional { get; }
}

[TaskName("First")]
[TaskDescription("The first one.")]
public sealed class FirstTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Recorder.Events.Add($"First:{context.Flavour}");
}

[TaskName("Second")]
[IsDependentOn(typeof(FirstTask))]
public sealed class SecondTask : AsyncFrostingTask<SampleContext>
{
    public override async Task RunAsync(SampleContext context)
    {
        await Task.Yield();
        context.Recorder.Events.Add("Second");
    }
}

[TaskName("Optional")]
[IsDependentOn(typeof(FirstTask))]
public sealed class OptionalTask : FrostingTask<SampleContext>
{
    public override bool ShouldRun(SampleContext context) => !context.SkipOptional;

    public override void Run(SampleContext context) => context.Recorder.Events.Add("Optional");
}

/// <summary>Skipped, with a reason: Cake.Frosting's <see cref="IFrostingTask.SkippedMessage"/>, re-implemented.</summary>
[TaskName("NotToday")]
public sealed class NotTodayTask : FrostingTask<SampleContext>, IFrostingTask
{
    string IFrostingTask.SkippedMessage => "not today";

    public override bool ShouldRun(SampleContext context) => false;

    public override void Run(SampleContext context) => context.Recorder.Events.Add("NotToday");
}

[TaskName("Last")]
[IsDependentOn(typeof(SecondTask))]
[IsDependentOn(typeof(OptionalTask))]
public sealed class LastTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Recorder.Events.Add("Last");
}

/// <summary>Hooks itself in front of <see cref="SecondTask"/> without Second knowing.</summary>
public sealed class HookTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Recorder.Events.Add("Hook");
}

[IsDependeeOf(typeof(SecondTask))]
public sealed class HookedTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Recorder.Events.Add("Hooked");
}

[TaskName("Failing")]
public sealed class FailingTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("the widget is broken");

    public override void Finally(SampleContext context) => context.Recorder.Events.Add("Failing.Finally");
}

[TaskName("Handled")]
public sealed class HandledTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("handled failure");

    public override void OnError(Exception exception, SampleContext context) => context.Recorder.Events.Add($"OnError:{exception.Message}");
}

[TaskName("Tolerated")]
[ContinueOnError]
public sealed class ToleratedTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("tolerated failure");
}

[TaskName("AfterTolerated")]
[IsDependentOn(typeof(ToleratedTask))]
public sealed class AfterToleratedTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Recorder.Events.Add("AfterTolerated");
}

[TaskName("Config")]
public sealed class ConfigTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) =>
        context.Recorder.Events.Add($"Config:{context.Configuration.GetValue("Settings_Colour")}|{context.Environment.WorkingDirectory.GetDirectoryName()}");
}

public sealed class SampleLifetime(Recorder recorder) : FrostingLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ISetupContext info) => recorder.Events.Add("Setup");

    public override void Teardown(SampleContext context, ITeardownContext info) => recorder.Events.Add($"Teardown:{info.Successful}");
}

public sealed class SampleTaskLifetime(Recorder recorder) : FrostingTaskLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ITaskSetupContext info) => recorder.Events.Add($"Before:{info.Task.Name}");

    public override void Teardown(SampleContext context, ITaskTeardownContext info) => recorder.Events.Add($"After:{info.Task.Name}");
}

/// <summary>A second lifetime, to check that every lifetime added runs.</summary>
public sealed class OtherLifetime(Recorder recorder) : FrostingLifetime
{
    public override void Setup(ICakeContext context, ISetupContext info) => recorder.Events.Add("Other.Setup");

    public override void Teardown(ICakeContext context, ITeardownContext info) => recorder.Events.Add("Other.Teardown");
}

public sealed class OtherTaskSetup(Recorder recorder) : FrostingTaskSetup<SampleContext>
{
    public override void Setup(SampleContext context, ITaskSetupContext info) => recorder.Events.Add($"Other.Before:{info.Task.Name}");
}

public sealed class OnlyTeardown(Recorder recorder) : FrostingTeardown
{
    public override void Teardown(ICakeContext context, ITeardownContext info) => recorder.Events.Add("OnlyTeardown");
}

/// <summary>Names a type that is not a task in a dependency attribute: a build set-up mistake.</summary>
[IsDependentOn(typeof(Recorder))]
public sealed class BrokenDependencyTask : FrostingTask<SampleContext>;
