using Cake.Core;
using Cake.Frosting;

namespace Prewarm.Frosting.Internal;

/// <summary>Turns task objects and lifetimes into Cake engine registrations.</summary>
internal sealed class TaskRegistrar(
    ICakeEngine engine,
    IFrostingContext context,
    IEnumerable<IFrostingTask> tasks,
    IEnumerable<IFrostingSetup> setups,
    IEnumerable<IFrostingTeardown> teardowns,
    IEnumerable<IFrostingTaskSetup> taskSetups,
    IEnumerable<IFrostingTaskTeardown> taskTeardowns)
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

        RegisterLifetimes();
        return descriptors;
    }

    // Every one added runs, in the order added (a type added twice, once): Cake's engine takes one task
    // setup and one task teardown, so each kind is registered as a single action calling them all.
    private void RegisterLifetimes()
    {
        if (Each(setups) is { } setup)
        {
            engine.RegisterSetupAction(info => setup(s => s.Setup(context, info)));
        }

        if (Each(teardowns) is { } teardown)
        {
            engine.RegisterTeardownAction(info => teardown(t => t.Teardown(context, info)));
        }

        if (Each(taskSetups) is { } taskSetup)
        {
            engine.RegisterTaskSetupAction(info => taskSetup(s => s.Setup(context, info)));
        }

        if (Each(taskTeardowns) is { } taskTeardown)
        {
            engine.RegisterTaskTeardownAction(info => taskTeardown(t => t.Teardown(context, info)));
        }
    }

    private static Action<Action<T>>? Each<T>(IEnumerable<T> items)
        where T : class
    {
        var distinct = items.Distinct(ReferenceEqualityComparer.Instance).Cast<T>().ToList();
        return distinct.Count == 0 ? null : call => distinct.ForEach(call);
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
            builder.WithCriteria(() => task.ShouldRun(context), task.SkippedMessage);
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
