namespace Prewarm.Core.Artifacts;

/// <summary>
/// The one wording for an artifact a stage needs that is missing or no longer matches its inputs:
/// it names the file and the task that writes it, so every stage fails the same, actionable way.
/// </summary>
public static class StageArtifact
{
    /// <summary>"FILE: not found; the TASK task writes it (run --target=TASK, or drop --exclusive)".</summary>
    public static PrewarmException Missing(string path, string task) =>
        new($"{path}: not found; the {task} task writes it (run --target={task}, or drop --exclusive)");

    /// <summary>"FILE: stale (WHY); the TASK task writes it again (run --target=TASK, or drop --exclusive)".</summary>
    public static PrewarmException Stale(string path, string why, string task) =>
        new($"{path}: stale ({why}); the {task} task writes it again (run --target={task}, or drop --exclusive)");

    /// <summary>Throws <see cref="Missing"/> unless <paramref name="path"/> is a file or directory.</summary>
    public static string Require(string path, string task) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw Missing(path, task);
}
