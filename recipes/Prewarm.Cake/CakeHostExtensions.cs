using Prewarm.Cake.Configuration;
using Prewarm.Frosting;

namespace Prewarm.Cake;

/// <summary>Set-up of a host for the Prewarm recipe.</summary>
public static class CakeHostExtensions
{
    /// <summary>Adds every Prewarm task and makes <see cref="PrewarmContext"/> the build context.
    /// Tasks of the calling build can hook into the graph with <c>[IsDependeeOf(typeof(WarmupTask))]</c>.</summary>
    public static CakeHost UsePrewarm(this CakeHost host) => host.UsePrewarm<PrewarmContext>();

    /// <summary>As <see cref="UsePrewarm(CakeHost)"/>, with a context of the caller's that derives from <see cref="PrewarmContext"/>.</summary>
    public static CakeHost UsePrewarm<TContext>(this CakeHost host)
        where TContext : PrewarmContext =>
        host.AddAssembly(typeof(PrewarmContext).Assembly)
            .UseContext<TContext>()
            .UseArgumentSource<PrewarmConfigArgumentSource>();
}
