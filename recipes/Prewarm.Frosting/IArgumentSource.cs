namespace Prewarm.Frosting;

/// <summary>
/// Adds arguments from somewhere other than the command line, such as a configuration file.
/// It sees the parsed command-line arguments (keys without dashes, case-insensitive) and should
/// only add keys the command line did not set: the command line wins.
/// </summary>
public interface IArgumentSource
{
    void Contribute(IDictionary<string, List<string>> arguments, string workingDirectory);
}
