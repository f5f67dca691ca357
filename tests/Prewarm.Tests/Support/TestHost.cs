using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Prewarm.Frosting;
using Spectre.Console;

namespace Prewarm.Tests.Support;

/// <summary>A <see cref="CakeHost"/> whose console output is captured in memory.</summary>
internal sealed class TestHost
{
    private readonly StringWriter _ansiOut = new();

    public TestHost()
    {
        Host = new CakeHost()
            .UseConsole(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(_ansiOut),
                Interactive = InteractionSupport.No,
            }))
            .ConfigureServices(s => s.AddSingleton<IConsole>(Console));
    }

    public CakeHost Host { get; }
    public CapturingConsole Console { get; } = new();

    /// <summary>Everything printed: Cake's log and Spectre's tables.</summary>
    public string Output => Console.All + _ansiOut;

    /// <summary>Runs the host; restores the process's working directory, which <c>--working</c> changes.</summary>
    public int Run(params string[] args)
    {
        var directory = Environment.CurrentDirectory;
        try
        {
            return Host.Run(args);
        }
        finally
        {
            Environment.CurrentDirectory = directory;
        }
    }
}
