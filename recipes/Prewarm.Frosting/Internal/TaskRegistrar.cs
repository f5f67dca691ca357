using Cake.Core;

namespace Prewarm.Frosting.Internal;

/// <summary>Turns task objects and lifetimes into Cake engine registrations.</summary>
internal sealed class TaskRegistrar(
    ICakeEngine engine,
    IFrostingContext context,
    IEnumerable<IFrostingTask> tasks,
    IEnumerable<IFrostingLifetime> lifetimes,
    IEnumerable<IFrostingTaskLifetime> taskLifetimes)
{
    public IReadOnlyList<TaskDescriptor> Register()
    {
        var descriptors = new List<TaskDescriptor>();
        var byName = new Dictionary<string, TaskDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            var descriptor = TaskDescriptor.For(task.GetType());
            if (byName.TryGetValue(descriptor.Name, out var existing))
            {
                if (existing.Type == descriptor.Type)
                {
                    continue; // the same assembly added twice
                }

                throw new FrostingException($"Two tasks are named '{descriptor.Name}': {existing.Type.FullName} and {descriptor.Type.FullName}.");
            }

            if (!descriptor.ContextType.IsInstanceOfType(context))
            {
                throw new FrostingException($"Task '{descriptor.Name}' needs a {descriptor.ContextType.Name}, but the host's context is a {context.GetType().Name}.");
            }

            byName.Add(descriptor.Name, descriptor);
            descriptors.Add(descriptor);
            Register(task, descriptor);
        }

        foreach (var descriptor in descriptors)
        {
            foreach (var name in descriptor.Dependencies.Concat(descriptor.Dependees))
            {
                if (!byName.ContainsKey(name))
                {
                    throw new FrostingException($"Task '{descriptor.Name}' depends on '{name}', which was not added to the host.");
                }
            }
        }

        foreach (var lifetime in lifetimes)
        {
            engine.RegisterSetupAction(info => lifetime.Setup(context, info));
            engine.RegisterTeardownAction(info => lifetime.Teardown(context, info));
        }

        foreach (var lifetime in taskLifetimes)
        {
            engine.RegisterTaskSetupAction(info => lifetime.Setup(context, info));
            engine.RegisterTaskTeardownAction(info => lifetime.Teardown(context, info));
        }

        return descriptors;
    }

    private void Register(IFrostingTask task, TaskDescriptor descriptor)
    {
        var builder = engine.RegisterTask(descriptor.Name);
        if (descriptor.Description.Length > 0)
        {
            builder.Description(descriptor.Description);
        }

        if (descriptor.OverridesRun)
        {
            builder.Does(() => task.RunAsync(context));
        }

        if (descriptor.OverridesShouldRun)
        {
            builder.WithCriteria(() => task.ShouldRun(context));
        }

        if (descriptor.ContinueOnError)
        {
            builder.ContinueOnError();
        }

        if (descriptor.OverridesOnError)
        {
            builder.OnError(exception => task.OnError(exception, context));
        }

        if (descriptor.OverridesFinally)
        {
            builder.Finally(() => task.Finally(context));
        }

        foreach (var dependency in descriptor.Dependencies)
        {
            builder.IsDependentOn(dependency);
        }

        foreach (var dependee in descriptor.Dependees)
        {
            builder.IsDependeeOf(dependee);
        }
    }
}
