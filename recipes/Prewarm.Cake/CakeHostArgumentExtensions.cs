using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Prewarm.Cake.Configuration;

namespace Prewarm.Cake;

/// <summary>Declaring a build's own command-line arguments beside Prewarm's.</summary>
public static class CakeHostArgumentExtensions
{
    /// <summary>Declares arguments the calling build's own tasks read (<c>context.Argument("deploy-env", …)</c>):
    /// Prewarm refuses any argument it does not know, so a typo fails the run instead of being ignored.
    /// <code>new CakeHost().UsePrewarm().AcceptArguments("deploy-env", "notify").Run(args);</code></summary>
    public static CakeHost AcceptArguments(this CakeHost host, params string[] names) =>
        host.ConfigureServices(services => services.AddSingleton(new AcceptedArguments(names)));
}
