namespace Prewarm.Core.Warmup;

/// <summary>Whether a dependency's platform key (<c>[target.'cfg(windows)'.dependencies]</c>,
/// <c>[target.x86_64-pc-windows-msvc.dependencies]</c>) holds for a build target, the way cargo decides
/// it: a plain triple must equal the target; a <c>cfg(…)</c> expression is evaluated against the cfg
/// values rustc prints for the triple (<c>rustc --print cfg --target …</c>), derived here from the triple's
/// parts (arch, vendor, os, env). Names rustc does not print for a target (<c>feature = …</c>, <c>test</c>,
/// custom <c>--cfg</c> flags) are false, as they are for cargo. An expression that does not parse counts as
/// true: warming a crate too many costs less than missing one.</summary>
public sealed class TargetPlatform
{
    /// <summary>The Linux builder's target when none is given.</summary>
    public const string DefaultTriple = "x86_64-unknown-linux-gnu";

    private readonly HashSet<string> _names;
    private readonly HashSet<(string Key, string Value)> _values;

    // The same few `cfg(…)` strings come back for every package of a large workspace: each is evaluated once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _matches = new(StringComparer.Ordinal);

    private TargetPlatform(string triple, HashSet<string> names, HashSet<(string, string)> values)
    {
        Triple = triple;
        _names = names;
        _values = values;
    }

    public string Triple { get; }

    public static TargetPlatform Default { get; } = For(DefaultTriple);

    /// <summary>The cfg values of <paramref name="triple"/> (<c>arch-vendor-os[-env]</c>, or <c>arch-os</c>).</summary>
    public static TargetPlatform For(string triple)
    {
        var parts = triple.Split('-');
        var archPart = parts[0];
        // arch-vendor-os[-env], or arch-os-env without a vendor (aarch64-linux-android, thumbv7em-none-eabihf).
        var vendorless = parts.Length == 3 && !KnownVendors.Contains(parts[1]);
        var vendor = parts.Length >= 3 && !vendorless ? parts[1] : "unknown";
        var osPart = vendorless ? parts[1] : parts.Length >= 3 ? parts[2] : parts.ElementAtOrDefault(1) ?? "unknown";
        var envPart = vendorless ? parts[2] : parts.Length >= 4 ? parts[3] : "";

        var arch = Arch(archPart);
        var os = osPart switch
        {
            "darwin" => "macos",
            "linux" when envPart.StartsWith("android", StringComparison.Ordinal) => "android",
            "wasi" or "wasip1" or "wasip2" => "wasi",
            _ => osPart,
        };
        var env = envPart switch
        {
            _ when osPart is "wasip1" or "wasip2" => osPart[4..],
            _ when envPart.StartsWith("gnu", StringComparison.Ordinal) => "gnu",
            _ when envPart.StartsWith("musl", StringComparison.Ordinal) => "musl",
            _ when envPart.StartsWith("msvc", StringComparison.Ordinal) => "msvc",
            _ when envPart.StartsWith("uclibc", StringComparison.Ordinal) => "uclibc",
            _ => "",
        };
        var abi = envPart switch
        {
            _ when envPart.EndsWith("eabihf", StringComparison.Ordinal) => "eabihf",
            _ when envPart.EndsWith("eabi", StringComparison.Ordinal) => "eabi",
            _ => "",
        };
        var family = arch is "wasm32" or "wasm64" ? "wasm"
            : os is "windows" ? "windows"
            : os is "none" or "unknown" or "uefi" or "wasi" ? null
            : "unix";
        var width = arch is "x86_64" or "aarch64" or "riscv64" or "powerpc64" or "s390x" or "wasm64" or "loongarch64" or "mips64" or "sparc64" ? "64"
            : arch is "msp430" or "avr" ? "16"
            : "32";
        var big = arch is "s390x" or "sparc64" or "sparc" || archPart is "powerpc" or "powerpc64" or "mips" or "mips64" || archPart.EndsWith("eb", StringComparison.Ordinal);

        var names = new HashSet<string>(StringComparer.Ordinal) { "debug_assertions" };
        var values = new HashSet<(string, string)>
        {
            ("target_arch", arch),
            ("target_os", os),
            ("target_env", env),
            ("target_abi", abi),
            ("target_vendor", vendor),
            ("target_pointer_width", width),
            ("target_endian", big ? "big" : "little"),
            ("panic", arch is "wasm32" or "wasm64" || os == "none" ? "abort" : "unwind"),
        };
        foreach (var feature in arch switch
        {
            "x86_64" or "x86" => ["fxsr", "sse", "sse2"],
            "aarch64" => ["neon"],
            _ => Array.Empty<string>(),
        })
        {
            values.Add(("target_feature", feature));
        }

        if (env == "musl" || os == "wasi")
        {
            values.Add(("target_feature", "crt-static"));
        }

        foreach (var size in new[] { "8", "16", "32", "64", "ptr" }.Where(s => s != "64" || width == "64" || arch is "x86" or "arm"))
        {
            values.Add(("target_has_atomic", size));
        }

        if (family is not null)
        {
            values.Add(("target_family", family));
        }

        if (family is "unix" or "windows")
        {
            names.Add(family);
        }

        return new TargetPlatform(triple, names, values);
    }

    /// <summary>The cfg values as <c>rustc --print cfg</c> writes them (<c>unix</c>, <c>target_os="linux"</c>), sorted.</summary>
    public IReadOnlyList<string> Cfg =>
        _names.Concat(_values.Select(v => $"{v.Key}=\"{v.Value}\"")).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when a dependency declared under <paramref name="platform"/> (null: every platform) is built for this target.</summary>
    public bool Matches(string? platform)
    {
        if (platform is null)
        {
            return true;
        }

        if (!platform.StartsWith("cfg(", StringComparison.Ordinal) || !platform.EndsWith(')'))
        {
            return string.Equals(platform, Triple, StringComparison.Ordinal);
        }

        return _matches.GetOrAdd(platform, Evaluate);
    }

    private bool Evaluate(string platform)
    {
        try
        {
            var evaluator = new Evaluator(platform[4..^1], this);
            var result = evaluator.Expression();
            return evaluator.AtEnd ? result : true;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    private static readonly HashSet<string> KnownVendors = new(StringComparer.Ordinal)
    {
        "unknown", "pc", "apple", "nvidia", "fortanix", "uwp", "wrs", "sun", "sony", "nintendo", "kmc", "esp", "espressif", "ibm", "openwrt", "unikraft", "win7", "risc0", "mti", "lynx",
    };

    private static string Arch(string part) => part switch
    {
        "i386" or "i486" or "i586" or "i686" => "x86",
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        _ when part.StartsWith("aarch64", StringComparison.Ordinal) => "aarch64",
        _ when part.StartsWith("arm", StringComparison.Ordinal) || part.StartsWith("thumb", StringComparison.Ordinal) => "arm",
        _ when part.StartsWith("riscv64", StringComparison.Ordinal) => "riscv64",
        _ when part.StartsWith("riscv32", StringComparison.Ordinal) => "riscv32",
        _ when part.StartsWith("powerpc64", StringComparison.Ordinal) => "powerpc64",
        _ when part.StartsWith("mips64", StringComparison.Ordinal) => "mips64",
        _ when part.StartsWith("mips", StringComparison.Ordinal) => "mips",
        _ => part,
    };

    /// <summary>Evaluates cargo's cfg grammar: <c>all(…)</c>, <c>any(…)</c>, <c>not(…)</c>, <c>name</c>, <c>key = "value"</c>.</summary>
    private sealed class Evaluator(string text, TargetPlatform platform)
    {
        private int _position;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _position >= text.Length;
            }
        }

        public bool Expression()
        {
            var name = Identifier();
            if (name is "all" or "any" && Peek() == '(')
            {
                Expect('(');
                var results = new List<bool>();
                while (Peek() != ')')
                {
                    results.Add(Expression());
                    if (Peek() == ',')
                    {
                        Expect(',');
                    }
                    else
                    {
                        break;
                    }
                }

                Expect(')');
                return name == "all" ? results.All(r => r) : results.Any(r => r);
            }

            if (name == "not" && Peek() == '(')
            {
                Expect('(');
                var inner = Expression();
                Expect(')');
                return !inner;
            }

            if (Peek() == '=')
            {
                Expect('=');
                var value = String();
                return platform._values.Contains((name, value));
            }

            return platform._names.Contains(name);
        }

        private string Identifier()
        {
            SkipSpaces();
            if (_position + 1 < text.Length && text[_position] == 'r' && text[_position + 1] == '#')
            {
                _position += 2;
            }

            var start = _position;
            while (_position < text.Length && (text[_position] == '_' || char.IsAsciiLetterOrDigit(text[_position])))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw new FormatException($"identifier expected at {start}");
        }

        private string String()
        {
            Expect('"');
            var end = text.IndexOf('"', _position);
            if (end < 0)
            {
                throw new FormatException("unterminated string");
            }

            var value = text[_position..end];
            _position = end + 1;
            return value;
        }

        private char? Peek()
        {
            SkipSpaces();
            return _position < text.Length ? text[_position] : null;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException($"'{c}' expected at {_position}");
            }

            _position++;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
