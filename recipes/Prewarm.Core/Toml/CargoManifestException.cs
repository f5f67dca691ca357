namespace Prewarm.Core.Toml;

/// <summary>A Cargo.toml that is not valid TOML or not a valid manifest; names the file and, for
/// syntax errors, the line and column.</summary>
public sealed class CargoManifestException : PrewarmException
{
    public CargoManifestException(string file, string problem)
        : base($"{file}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    public CargoManifestException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Problem = problem;
        Line = line;
        Column = column;
    }

    public string File { get; }

    /// <summary>What is wrong, without the file and position.</summary>
    public string Problem { get; }
    public int? Line { get; }
    public int? Column { get; }
}
