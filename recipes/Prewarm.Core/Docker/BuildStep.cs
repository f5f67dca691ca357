namespace Prewarm.Core.Docker;

/// <summary>One vertex of BuildKit's plain progress: <c>#7 [builder 3/9] RUN cargo build</c>.</summary>
public sealed record BuildStep(int Number, string Name, BuildStepStatus Status)
{
    /// <summary>The Dockerfile instruction, without the <c>[stage n/m]</c> prefix; the whole name
    /// for internal steps such as <c>[internal] load build context</c>.</summary>
    public string Instruction
    {
        get
        {
            if (!Name.StartsWith('[') || Name.StartsWith("[internal]", StringComparison.Ordinal))
            {
                return Name;
            }

            var end = Name.IndexOf("] ", StringComparison.Ordinal);
            return end < 0 ? Name : Name[(end + 2)..];
        }
    }

    /// <summary>A step of the Dockerfile itself (<c>[stage n/m] …</c>), not BuildKit's own work.</summary>
    public bool IsDockerfileStep => Name.StartsWith('[') && !Name.StartsWith("[internal]", StringComparison.Ordinal)
        && !Instruction.StartsWith("FROM ", StringComparison.Ordinal);
}
