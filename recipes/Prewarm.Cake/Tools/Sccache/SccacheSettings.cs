namespace Prewarm.Cake.Tools.Sccache;

/// <summary>What every sccache command shares: which cache and which server. The server keeps the
/// environment it was started with, so <see cref="CacheDirectory"/> matters to <c>--start-server</c>
/// (or the first command that starts it); <see cref="ServerPort"/> keeps a private server apart from others.</summary>
public abstract class SccacheSettings : ToolSettings
{
    /// <summary>Environment <c>SCCACHE_DIR</c>: the local disk cache.</summary>
    public DirectoryPath? CacheDirectory { get; set; }

    /// <summary>Environment <c>SCCACHE_SERVER_PORT</c>.</summary>
    public int? ServerPort { get; set; }
}
