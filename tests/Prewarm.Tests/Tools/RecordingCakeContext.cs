using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Prewarm.Tests.Tools;

/// <summary>An <see cref="ICakeContext"/> whose process runner records (for alias tests); what an
/// alias does not touch throws.</summary>
internal sealed class RecordingCakeContext : ICakeContext
{
    public RecordingProcessRunner Runner { get; } = new();

    public IFileSystem FileSystem { get; } = new FileSystem();

    public ICakeEnvironment Environment { get; } = new CakeEnvironment(new CakePlatform(), new CakeRuntime());

    public ICakeLog Log { get; } = new NullLog();

    public IProcessRunner ProcessRunner => Runner;

    public IToolLocator Tools { get; } = new FixedToolLocator();

    public IGlobber Globber => throw new NotSupportedException();

    public ICakeArguments Arguments => throw new NotSupportedException();

    public IRegistry Registry => throw new NotSupportedException();

    public ICakeDataResolver Data => throw new NotSupportedException();

    public ICakeConfiguration Configuration => throw new NotSupportedException();

    public IToolInstaller ToolInstaller => throw new NotSupportedException();

    public IServiceProvider ServiceProvider => throw new NotSupportedException();
}
