using Cake.Core.Composition;
using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prewarm.Frosting.Internal;

namespace Cake.Frosting;

/// <summary>The host's registrations on its service collection, for <see cref="CakeHost.ConfigureServices"/>
/// and <see cref="IFrostingStartup"/>; <see cref="CakeHostExtensions"/> offers each on the host itself.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Makes <typeparamref name="TContext"/> the context every task receives: one instance per run,
    /// resolved from the container, so its constructor may take services.</summary>
    public static IServiceCollection UseContext<TContext>(this IServiceCollection services)
        where TContext : class, IFrostingContext
    {
        services.TryAddSingleton<TContext>();
        return services.AddSingleton<IFrostingContext>(sp => sp.GetRequiredService<TContext>());
    }

    /// <summary>Adds a build-wide setup and teardown. Unlike Cake.Frosting, where the last one registered
    /// wins, each lifetime added runs (setups in the order added), so a recipe's lifetime and the build's own
    /// both do.</summary>
    public static IServiceCollection UseLifetime<TLifetime>(this IServiceCollection services)
        where TLifetime : class, IFrostingLifetime =>
        services.AddRoles<TLifetime>(typeof(IFrostingSetup), typeof(IFrostingTeardown));

    public static IServiceCollection UseSetup<TSetup>(this IServiceCollection services)
        where TSetup : class, IFrostingSetup =>
        services.AddRoles<TSetup>(typeof(IFrostingSetup));

    public static IServiceCollection UseTeardown<TTeardown>(this IServiceCollection services)
        where TTeardown : class, IFrostingTeardown =>
        services.AddRoles<TTeardown>(typeof(IFrostingTeardown));

    /// <summary>Adds a setup and teardown around every task; as with <see cref="UseLifetime{TLifetime}"/>, each added runs.</summary>
    public static IServiceCollection UseTaskLifetime<TLifetime>(this IServiceCollection services)
        where TLifetime : class, IFrostingTaskLifetime =>
        services.AddRoles<TLifetime>(typeof(IFrostingTaskSetup), typeof(IFrostingTaskTeardown));

    public static IServiceCollection UseTaskSetup<TSetup>(this IServiceCollection services)
        where TSetup : class, IFrostingTaskSetup =>
        services.AddRoles<TSetup>(typeof(IFrostingTaskSetup));

    public static IServiceCollection UseTaskTeardown<TTeardown>(this IServiceCollection services)
        where TTeardown : class, IFrostingTaskTeardown =>
        services.AddRoles<TTeardown>(typeof(IFrostingTaskTeardown));

    /// <summary>Registers a Cake module's services (its own aliases' dependencies, a replaced Cake service).</summary>
    public static IServiceCollection UseModule<TModule>(this IServiceCollection services)
        where TModule : ICakeModule, new() =>
        Cake.Cli.ServiceCollectionExtensions.UseModule<TModule>(services);

    /// <summary>The working directory when <c>--working</c> is not given.</summary>
    public static IServiceCollection UseWorkingDirectory(this IServiceCollection services, DirectoryPath path) =>
        services.AddSingleton(new WorkingDirectory(path));

    /// <summary>A Cake configuration value (<c>cake.config</c> key, such as <c>Paths_Tools</c>); the
    /// environment, <c>cake.config</c> and <c>--section_key=value</c> arguments override it.</summary>
    public static IServiceCollection UseCakeSetting(this IServiceCollection services, string key, string value) =>
        services.AddSingleton(new CakeSetting(key, value));

    /// <summary>Where Cake looks for tools (the <c>Paths_Tools</c> setting).</summary>
    public static IServiceCollection UseToolPath(this IServiceCollection services, DirectoryPath toolPath) =>
        services.UseCakeSetting("Paths_Tools", toolPath.FullPath);

    // One instance per type, seen through each of its roles; adding the same type twice registers roles
    // the host de-duplicates by instance, so it still runs once.
    private static IServiceCollection AddRoles<TImplementation>(this IServiceCollection services, params Type[] roles)
        where TImplementation : class
    {
        services.TryAddSingleton<TImplementation>();
        foreach (var role in roles)
        {
            services.AddSingleton(role, sp => sp.GetRequiredService<TImplementation>());
        }

        return services;
    }
}
