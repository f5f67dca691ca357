using Cake.Core;
using Cake.Core.IO;
using Prewarm.Cake.Support;
using Prewarm.Frosting;

namespace Prewarm.Cake;

/// <summary>The state every Prewarm task shares: where the repositories are, where artifacts go,
/// and what earlier tasks in the same run produced.</summary>
public class PrewarmContext : FrostingContext
{
    public PrewarmContext(ICakeContext context)
        : base(context)
    {
        var repos = TaskArguments.Values(context, "repo");
        Repositories = (repos.Count > 0 ? repos : ["."])
            .Select(r => new DirectoryPath(r).MakeAbsolute(context.Environment).Collapse())
            .Distinct()
            .ToArray();
        Artifacts = new DirectoryPath(TaskArguments.Text(context, "artifacts") ?? "artifacts/prewarm")
            .MakeAbsolute(context.Environment)
            .Collapse();
    }

    /// <summary>Repository roots from <c>--repo</c> (repeatable); the working directory when none is given.</summary>
    public IReadOnlyList<DirectoryPath> Repositories { get; }

    /// <summary>Where every task writes its outputs; <c>--artifacts</c>, default <c>artifacts/prewarm/</c>.</summary>
    public DirectoryPath Artifacts { get; }

    /// <summary>The organisation builder image the BuilderImage task built in this run, if it ran:
    /// the repositories' Dockerfiles build FROM it unless <c>--builder-image</c> names another.</summary>
    public string? BuiltBuilderImage { get; set; }
}
