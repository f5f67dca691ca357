namespace Prewarm.Cake.Tools.Docker;

/// <summary>How a docker command ended and what it printed.</summary>
public sealed record DockerRunResult(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string Output => string.Join('\n', StandardOutput);

    public string Error => string.Join('\n', StandardError);
}
