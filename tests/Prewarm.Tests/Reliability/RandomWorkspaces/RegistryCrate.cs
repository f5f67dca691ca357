namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>A crate Debian's offline registry really has, with requirements and features it satisfies,
/// so generated workspaces resolve and lock.</summary>
internal sealed record RegistryCrate(string Name, string[] Requirements, string[] Features)
{
    public static readonly RegistryCrate[] All =
    [
        new("serde", ["1", "1.0", "^1.0.100", ">=1.0, <2"], ["std", "derive", "alloc", "rc"]),
        new("itoa", ["1", "1.0.1"], []),
        new("either", ["1.6", "1"], ["use_std"]),
        new("log", ["0.4", "0.4.*", "~0.4.17"], ["std"]),
        new("cfg-if", ["1.0", "1"], []),
        new("memchr", ["2", "2.5"], ["std"]),
        new("once_cell", ["1.17", "1"], ["std", "alloc", "race"]),
        new("bytes", ["1", "1.2"], ["std"]),
        new("anyhow", ["1.0", "1"], ["std"]),
        new("smallvec", ["1.9", "1"], ["union", "write", "const_generics"]),
        new("fnv", ["1.0.7", "1"], ["std"]),
        new("lazy_static", ["1.4", "1"], []),
        new("scopeguard", ["1", "1.1"], ["use_std"]),
        new("ryu", ["1", "1.0"], ["small"]),
        new("serde_json", ["1.0", "1"], ["std", "alloc", "raw_value"]),
        new("libc", ["0.2", "0.2.139"], ["std", "extra_traits"]),
        new("bitflags", ["1.3", "1"], []),
        new("autocfg", ["1", "1.1"], []),
        new("cc", ["1.0", "1"], []),
        new("version_check", ["0.9"], []),
        new("pkg-config", ["0.3"], []),
    ];
}
