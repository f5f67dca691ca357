using System.Reflection;
using Cake.Core;
using Cake.Frosting;

namespace Prewarm.Frosting.Internal;

/// <summary>What reflection tells about one task type: its name, graph edges and which
/// members it overrides (only those are wired into the engine).</summary>
internal sealed class TaskDescriptor
{
    private TaskDescriptor(Type type)
    {
        Type = type;
        Name = NameOf(type);
        Description = type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? string.Empty;
        ContextType = FindContextType(type);
        Dependencies = type.GetCustomAttributes<IsDependentOnAttribute>().Select(a => Checked(type, a.Task)).ToArray();
        Dependees = type.GetCustomAttributes<IsDependeeOfAttribute>().Select(a => Checked(type, a.Task)).ToArray();
        ContinueOnError = type.GetCustomAttribute<ContinueOnErrorAttribute>() is not null;
        OverridesRun = Overrides(type, "Run") || Overrides(type, "RunAsync");
        OverridesShouldRun = Overrides(type, nameof(IFrostingTask.ShouldRun));
        OverridesOnError = Overrides(type, nameof(IFrostingTask.OnError));
        OverridesFinally = Overrides(type, nameof(IFrostingTask.Finally));
    }

    public Type Type { get; }
    public string Name { get; }
    public string Description { get; }
    public Type ContextType { get; }
    public IReadOnlyList<string> Dependencies { get; }
    public IReadOnlyList<string> Dependees { get; }
    public bool ContinueOnError { get; }
    public bool OverridesRun { get; }
    public bool OverridesShouldRun { get; }
    public bool OverridesOnError { get; }
    public bool OverridesFinally { get; }

    public static TaskDescriptor For(Type type) => new(type);

    public static bool IsTask(Type type) =>
        typeof(IFrostingTask).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false };

    // Cake.Frosting's rule: the attribute's name, else the class name as it is ("PackTask" stays "PackTask").
    public static string NameOf(Type type) => type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name;

    private static string Checked(Type owner, Type other)
    {
        if (!IsTask(other))
        {
            throw new FrostingException($"Task '{NameOf(owner)}' names '{other.FullName}' in a dependency attribute, which is not a task.");
        }

        return NameOf(other);
    }

    private static Type FindContextType(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType)
            {
                var definition = current.GetGenericTypeDefinition();
                if (definition == typeof(FrostingTask<>) || definition == typeof(AsyncFrostingTask<>))
                {
                    return current.GenericTypeArguments[0];
                }
            }
        }

        return typeof(ICakeContext);
    }

    // A member counts as overridden when the most derived declaration is not on our base classes.
    private static bool Overrides(Type type, string name) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == name && m.IsVirtual)
            .Any(m => m.DeclaringType is { } declaring && !IsFrameworkBase(declaring));

    private static bool IsFrameworkBase(Type type) =>
        type.IsGenericType &&
        (type.GetGenericTypeDefinition() == typeof(FrostingTask<>) || type.GetGenericTypeDefinition() == typeof(AsyncFrostingTask<>));
}
