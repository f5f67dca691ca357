namespace Prewarm.Core.Artifacts;

/// <summary>Names of the tasks that write artifacts, as a user passes them to <c>--target</c>.</summary>
public static class PipelineTasks
{
    public const string Scan = "Scan";
    public const string Recipe = "Recipe";
    public const string Dockerfile = "Dockerfile";
    public const string Image = "Image";
}
