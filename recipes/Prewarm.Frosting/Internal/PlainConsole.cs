using Cake.Core;

namespace Prewarm.Frosting.Internal;

/// <summary>Cake's console without colour: Cake's log writes ANSI escape codes whenever the environment
/// looks like a terminal, even into a redirected log (escape sequences around "Error:"). Used when the
/// output is not a terminal or <c>NO_COLOR</c> is set (https://no-color.org).</summary>
internal sealed class PlainConsole(IConsole inner) : IConsole
{
    public ConsoleColor ForegroundColor { get; set; }
    public ConsoleColor BackgroundColor { get; set; }
    public bool SupportAnsiEscapeCodes => false;

    /// <summary><paramref name="console"/> itself on a terminal without <c>NO_COLOR</c>, else a plain one over it.</summary>
    public static IConsole WhenWanted(IConsole console) =>
        Console.IsOutputRedirected || Console.IsErrorRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            ? new PlainConsole(console)
            : console;

    public void Write(string format, params object[] arg) => inner.Write(format, arg);
    public void WriteLine(string format, params object[] arg) => inner.WriteLine(format, arg);
    public void WriteError(string format, params object[] arg) => inner.WriteError(format, arg);
    public void WriteErrorLine(string format, params object[] arg) => inner.WriteErrorLine(format, arg);

    // Colours are dropped: setting them on the real console would colour a terminal's error stream.
    public void ResetColor()
    {
    }
}
