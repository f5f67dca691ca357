using Prewarm.Cake.Tools.Process;

namespace Prewarm.Tests.Tools;

/// <summary>The one error summary every tool's one-line failure carries.</summary>
[TestFixture]
public sealed class ToolResultTests
{
    [TestCase(new[] { "   Compiling a v1", "error: could not compile `a`", "error: aborting" }, "error: could not compile `a`")]
    [TestCase(new[] { "#5 [builder 2/3] RUN false", "ERROR: failed to solve: exit code: 1" }, "ERROR: failed to solve: exit code: 1")]
    [TestCase(new[] { "Error response from daemon: pull access denied for nope", "" }, "Error response from daemon: pull access denied for nope")]
    [TestCase(new[] { "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.", "  " }, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.")]
    [TestCase(new string[0], "no output on standard error")]
    public void Summary_is_the_first_error_line_else_the_last_line(string[] stderr, string expected) =>
        new ToolResult(3, [], stderr).ErrorSummary.ShouldBe(expected);
}
