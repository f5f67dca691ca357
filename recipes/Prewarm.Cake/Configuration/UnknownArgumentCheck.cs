using Prewarm.Core.Configuration;
using Prewarm.Frosting;

namespace Prewarm.Cake.Configuration;

/// <summary>Refuses a command-line argument no one reads (<c>--layout=symlinked</c> for
/// <c>--cargo-layout</c>) in one line naming the nearest known one, before any task runs: the
/// option catalog, <c>--config</c>, the host's switches and the build's <see cref="AcceptedArguments"/>.</summary>
public sealed class UnknownArgumentCheck(IEnumerable<AcceptedArguments> accepted) : IArgumentSource
{
    public void Contribute(IDictionary<string, List<string>> arguments, string workingDirectory) =>
        new KnownArguments(HostArguments.Names.Concat(accepted.SelectMany(a => a.Names))).Check(arguments.Keys);
}
