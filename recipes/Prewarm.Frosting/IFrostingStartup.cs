using Microsoft.Extensions.DependencyInjection;

namespace Cake.Frosting;

/// <summary>Registers services in one place; apply with <see cref="CakeHostExtensions.UseStartup{TStartup}"/>.</summary>
public interface IFrostingStartup
{
    void Configure(IServiceCollection services);
}
