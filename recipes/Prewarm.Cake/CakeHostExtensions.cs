using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Prewarm.Cake.Configuration;
using Prewarm.Cake.Diagnostics;
using Prewarm.Core.Security;
using Prewarm.Frosting;

namespace Prewarm.Cake;

/// <summary>Set-up of a host for the Prewarm recipe.</summary>
public static class CakeHostExtensions
{
    /// <summary>Adds every Prewarm task, makes <see cref="PrewarmContext"/> the build context and
    /// <see cref="PrewarmLifetime"/> its lifetime (settings, interrupt handler, GC).
    /// Tasks of the calling build can hook into the graph with <c>[IsDependeeOf(typeof(WarmupTask))]</c>.</summary>
    public static CakeHost UsePrewarm(this CakeHost host) => host.UsePrewarm<PrewarmContext>();

    /// <summary>As <see cref="UsePrewarm(CakeHost)"/>, with a context of the caller's that derives from <see cref="PrewarmContext"/>.</summary>
    public static CakeHost UsePrewarm<TContext>(this CakeHost host)
        where TContext : PrewarmContext
    {
        return host.AddAssembly(typeof(PrewarmContext).Assembly)
            .UseContext<TContext>()
            .UseLifetime<PrewarmLifetime>()
            .UseArgumentSource<PrewarmConfigArgumentSource>()
            .UseArgumentSource<UnknownArgumentCheck>()
            .ConfigureServices(services =>
            {
                // Mask credentials from the environment in everything the build prints.
                services.AddSingleton(_ => SecretRedactor.FromEnvironment());
                services.AddSingleton<ICakeLog>(sp => new RedactingCakeLog(
                    new CakeBuildLog(sp.GetRequiredService<IConsole>()),
                    sp.GetRequiredService<SecretRedactor>()));
            });
    }
}
