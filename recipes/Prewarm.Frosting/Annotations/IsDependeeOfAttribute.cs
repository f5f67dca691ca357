namespace Cake.Frosting;

/// <summary>The decorated task runs before <see cref="Task"/>: a reverse dependency, so a
/// consumer can hook its own task into a graph it does not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependeeOfAttribute(Type type) : Attribute
{
    public Type Task { get; } = type;
}
