using Prewarm.Core.Cargo;

namespace Prewarm.Core.Services;

/// <summary>Holds a declared service against cargo's view of the repository (the scanned workspace):
/// every package it names is a package there, every bin a binary target, else one line naming the
/// file, the service and what the workspace has.</summary>
public static class ServiceWorkspaceCheck
{
    public static void Require(ServiceDefinition service, CargoRepository repository)
    {
        var packages = repository.Packages.Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (service.Packages.FirstOrDefault(p => !packages.Contains(p)) is { } package)
        {
            throw new PrewarmException($"{service.Declared}: service '{service.Name}': package '{package}' is not in the workspace {repository.RootPath} (packages: {string.Join(", ", packages)})");
        }

        var bins = repository.Packages.SelectMany(p => p.Targets).Where(t => t.Kinds.Contains("bin")).Select(t => t.Name)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (service.Bins.FirstOrDefault(b => !bins.Contains(b)) is { } bin)
        {
            throw new PrewarmException($"{service.Declared}: service '{service.Name}': bin '{bin}' is not in the workspace {repository.RootPath} (binaries: {string.Join(", ", bins)})");
        }
    }
}
