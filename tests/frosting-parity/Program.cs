using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<TaskLifetime>()
    .ConfigureServices(services => services.AddSingleton(new Greeting("hello from a service")))
    .Run(args);

public sealed record Greeting(string Text);

public class BuildContext : FrostingContext
{
    public BuildContext(ICakeContext context)
        : base(context)
    {
        BuildConfiguration = context.Argument("configuration", "Release");
    }

    public string BuildConfiguration { get; }

    public void Say(string what) => this.Information("parity: {0}", what);
}

public sealed class BuildLifetime : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info) => context.Say($"setup {context.BuildConfiguration}");

    public override void Teardown(BuildContext context, ITeardownContext info) => context.Say($"teardown {info.Successful}");
}

public sealed class TaskLifetime : FrostingTaskLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ITaskSetupContext info) => context.Say($"enter {info.Task.Name}");

    public override void Teardown(BuildContext context, ITaskTeardownContext info) => context.Say($"leave {info.Task.Name}");
}
