using Cake.Core.IO;

namespace Prewarm.Tests.Support;

/// <summary>An <see cref="IProcessRunner"/> that records what a tool would start and answers with set output,
/// for tests of argument and environment building (tests of behaviour run the real tools).</summary>
internal sealed class RecordingProcessRunner : IProcessRunner
{
    public List<(FilePath Tool, ProcessSettings Settings)> Started { get; } = [];

    public int ExitCode { get; set; }

    public string[] StandardOutput { get; set; } = [];

    public string[] StandardError { get; set; } = [];

    /// <summary>When set, answers each start by its argument line instead of the fixed answer above.</summary>
    public Func<string, (int ExitCode, string[] Output)>? Answer { get; set; }

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        Started.Add((filePath, settings));
        if (Answer is not null)
        {
            var (exitCode, output) = Answer(settings.Arguments.Render());
            return new FinishedProcess(exitCode, output, []);
        }

        return new FinishedProcess(ExitCode, StandardOutput, StandardError);
    }

    private sealed class FinishedProcess(int exitCode, string[] output, string[] error) : IProcess
    {
        public void WaitForExit()
        {
        }

        public bool WaitForExit(int milliseconds) => true;

        public int GetExitCode() => exitCode;

        public IEnumerable<string> GetStandardError() => error;

        public IEnumerable<string> GetStandardOutput() => output;

        public void Kill()
        {
        }

        public void Dispose()
        {
        }
    }
}
