namespace Cake.Frosting;

/// <summary>Names a task; without it the class name (minus a trailing "Task") is used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
