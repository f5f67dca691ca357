using System.Text;
using Cake.Core;

namespace Prewarm.Tests.Support;

/// <summary>Cake's console, but into memory, so in-process host tests can read what a run printed.</summary>
internal sealed class CapturingConsole : IConsole
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    public string Output => _out.ToString();
    public string Error => _error.ToString();
    public string All => Output + Error;

    public ConsoleColor ForegroundColor { get; set; }
    public ConsoleColor BackgroundColor { get; set; }
    public bool SupportAnsiEscapeCodes => false;

    public void Write(string format, params object[] arg) => _out.Append(Format(format, arg));
    public void Write(string value) => _out.Append(value);
    public void WriteLine(string format, params object[] arg) => _out.AppendLine(Format(format, arg));
    public void WriteLine(string value) => _out.AppendLine(value);
    public void WriteError(string format, params object[] arg) => _error.Append(Format(format, arg));
    public void WriteError(string value) => _error.Append(value);
    public void WriteErrorLine(string format, params object[] arg) => _error.AppendLine(Format(format, arg));
    public void WriteErrorLine(string value) => _error.AppendLine(value);

    public void ResetColor()
    {
    }

    private static string Format(string format, object[] arg) => arg.Length == 0 ? format : string.Format(format, arg);
}
