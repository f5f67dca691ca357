namespace Cake.Frosting;

/// <summary>Names a task; without it the task is named after its class, in full
/// (<c>class PackTask</c> is the task <c>PackTask</c>), as in Cake.Frosting.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
