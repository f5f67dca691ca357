using System.ComponentModel;
using Cake.Cli;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Spectre.Console.Cli;

namespace Prewarm.Frosting.Internal;

/// <summary>Cake's own command-line switches; everything else becomes a Cake argument.</summary>
internal sealed class DefaultCommandSettings : CommandSettings
{
    [CommandOption("--target|-t|--Target <TARGET>")]
    [DefaultValue(new[] { "Default" })]
    [Description("Target task to invoke (repeatable).")]
    public string[] Targets { get; set; } = ["Default"];

    [CommandOption("--working|-w <PATH>")]
    [TypeConverter(typeof(Cake.Cli.DirectoryPathConverter))]
    [Description("Sets the working directory.")]
    public DirectoryPath? WorkingDirectory { get; set; }

    [CommandOption("--verbosity|-v <VERBOSITY>")]
    [TypeConverter(typeof(VerbosityConverter))]
    [DefaultValue(Verbosity.Normal)]
    [Description("Quiet, Minimal, Normal, Verbose or Diagnostic.")]
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    [CommandOption("--description|--descriptions|--showdescription|--showdescriptions")]
    [Description("Lists every task with its description.")]
    public bool Description { get; set; }

    [CommandOption("--tree|--showtree")]
    [Description("Shows the task dependency tree.")]
    public bool Tree { get; set; }

    [CommandOption("--dryrun|--noop|--whatif")]
    [Description("Lists the tasks that would run, in order, without running them.")]
    public bool DryRun { get; set; }

    [CommandOption("--exclusive|-e")]
    [Description("Runs the target task without its dependencies.")]
    public bool Exclusive { get; set; }

    [CommandOption("--version|--ver")]
    [Description("Displays version information.")]
    public bool Version { get; set; }

    [CommandOption("--info")]
    [Description("Displays additional information about Cake.")]
    public bool Info { get; set; }
}
