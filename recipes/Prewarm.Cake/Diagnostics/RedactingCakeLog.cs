using Prewarm.Core.Security;

namespace Prewarm.Cake.Diagnostics;

/// <summary>
/// Cake's log with secrets masked. Every line Cake prints goes through ICakeLog — task messages,
/// tool command lines ("Executing: …") and errors — so masking here covers them all.
/// </summary>
public sealed class RedactingCakeLog(ICakeLog inner, SecretRedactor redactor) : ICakeLog
{
    public Verbosity Verbosity
    {
        get => inner.Verbosity;
        set => inner.Verbosity = value;
    }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        if (redactor.IsEmpty)
        {
            inner.Write(verbosity, level, format, args);
            return;
        }

        var masked = args.Select(a => (object)redactor.Redact(a?.ToString())).ToArray();
        inner.Write(verbosity, level, redactor.Redact(format), masked);
    }
}
