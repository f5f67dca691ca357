using System.Globalization;
using System.Runtime.InteropServices;

namespace Prewarm.Core.Docker;

/// <summary>What <see cref="BinfmtSupport"/> found for one platform: whether this kernel can run its
/// binaries (natively, or through an enabled binfmt_misc handler containers can use), the handler
/// and its interpreter when there is one, and one line saying so (with the fix when it cannot).</summary>
public sealed record BinfmtStatus(BuildPlatform Platform, bool CanRun, string? Handler, string? Interpreter, string Message);

/// <summary>
/// Can this machine run a foreign platform's binaries, as <c>docker build --platform</c> and
/// <c>docker run --platform</c> need for <c>RUN</c> steps? Decided from a binfmt_misc directory
/// (default <c>/proc/sys/fs/binfmt_misc</c>): an entry is a handler for a platform when its ELF magic
/// and mask match that platform's ELF header (class, byte order, machine), whatever the entry is called
/// (<c>qemu-aarch64</c> from Debian's qemu-user-static, tonistiigi/binfmt's names, …). It must be
/// <c>enabled</c>, binfmt_misc itself must be enabled, and the handler needs the <c>F</c> (fix-binary)
/// flag: without it the kernel looks the interpreter up inside the container, where it is missing.
/// The native platform, and the 32-bit platform of the same family (386 on amd64, arm on arm64),
/// run without a handler.
/// </summary>
public static class BinfmtSupport
{
    public const string DefaultDirectory = "/proc/sys/fs/binfmt_misc";

    /// <summary>The fix named when a platform has no usable handler.</summary>
    public const string Fix = "install qemu-user-static and binfmt-support (or run tonistiigi/binfmt)";

    /// <summary>ELF class (1 = 32-bit, 2 = 64-bit), byte order (1 = little, 2 = big endian) and e_machine
    /// of each Linux architecture (GOARCH spelling, as platforms name them).</summary>
    private static readonly Dictionary<string, (byte Class, byte Data, ushort Machine)> Elf = new(StringComparer.Ordinal)
    {
        ["amd64"] = (2, 1, 62),
        ["386"] = (1, 1, 3),
        ["arm64"] = (2, 1, 183),
        ["arm"] = (1, 1, 40),
        ["ppc64le"] = (2, 1, 21),
        ["s390x"] = (2, 2, 22),
        ["riscv64"] = (2, 1, 243),
        ["mips64le"] = (2, 1, 8),
        ["mips64"] = (2, 2, 8),
        ["loong64"] = (2, 1, 258),
    };

    /// <summary>The entry names handlers for an architecture usually have; used only for an entry whose
    /// magic cannot be read (an extension-matched entry, say), never to override a magic that says otherwise.</summary>
    private static readonly Dictionary<string, string[]> UsualNames = new(StringComparer.Ordinal)
    {
        ["386"] = ["qemu-i386"],
        ["arm64"] = ["qemu-aarch64"],
        ["arm"] = ["qemu-arm"],
        ["ppc64le"] = ["qemu-ppc64le"],
        ["s390x"] = ["qemu-s390x"],
        ["riscv64"] = ["qemu-riscv64"],
        ["mips64le"] = ["qemu-mips64el"],
        ["mips64"] = ["qemu-mips64"],
        ["loong64"] = ["qemu-loongarch64"],
        ["amd64"] = ["qemu-x86_64"],
    };

    /// <summary>The platform of the machine this process runs on (its kernel's, for a Docker engine on
    /// the same machine).</summary>
    public static BuildPlatform HostPlatform() => HostPlatform(RuntimeInformation.OSArchitecture);

    public static BuildPlatform HostPlatform(Architecture architecture) => new("linux", architecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "386",
        Architecture.Arm64 => "arm64",
        Architecture.Arm or Architecture.Armv6 => "arm",
        Architecture.Ppc64le => "ppc64le",
        Architecture.S390x => "s390x",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => architecture.ToString().ToLowerInvariant(),
    }, null);

    /// <summary>Whether <paramref name="native"/> runs <paramref name="platform"/>'s binaries without emulation.</summary>
    public static bool RunsNatively(BuildPlatform platform, BuildPlatform native) =>
        platform.Os == native.Os
        && (platform.Architecture == native.Architecture
            || (native.Architecture, platform.Architecture) is ("amd64", "386") or ("arm64", "arm"));

    /// <summary>Checks each platform; see <see cref="Check(BuildPlatform, BuildPlatform, string)"/>.</summary>
    public static IReadOnlyList<BinfmtStatus> Check(IEnumerable<BuildPlatform> platforms, BuildPlatform native, string directory = DefaultDirectory)
    {
        var entries = ReadEntries(directory, out var state);
        return platforms.Select(p => Decide(p, native, directory, entries, state)).ToList();
    }

    /// <summary>Whether this kernel can run <paramref name="platform"/>: native, or an enabled handler
    /// with the F flag in <paramref name="directory"/>; otherwise the message names the fix.</summary>
    public static BinfmtStatus Check(BuildPlatform platform, BuildPlatform native, string directory = DefaultDirectory) =>
        Check([platform], native, directory)[0];

    private enum DirectoryState
    {
        Enabled,
        Disabled,
        NotMounted,
    }

    private sealed record Entry(string Name, bool Enabled, string? Interpreter, string Flags, int Offset, byte[]? Magic, byte[]? Mask);

    private static BinfmtStatus Decide(BuildPlatform platform, BuildPlatform native, string directory, IReadOnlyList<Entry> entries, DirectoryState state)
    {
        if (RunsNatively(platform, native))
        {
            return new BinfmtStatus(platform, true, null, null, $"{platform} runs natively on {native}");
        }

        if (platform.Os != "linux" || !Elf.ContainsKey(platform.Architecture))
        {
            return new BinfmtStatus(platform, false, null, null,
                $"{platform} cannot run on {native}: no binfmt_misc handler can emulate it on this machine");
        }

        var candidates = entries.Where(e => Handles(e, platform.Architecture)).ToList();
        var handler = candidates.FirstOrDefault(e => e.Enabled && e.Flags.Contains('F', StringComparison.Ordinal))
                      ?? candidates.FirstOrDefault(e => e.Enabled)
                      ?? candidates.FirstOrDefault();

        if (state == DirectoryState.NotMounted)
        {
            return new BinfmtStatus(platform, false, null, null,
                $"{Fix}; binfmt_misc is not mounted at {directory}, so no handler for {platform} is registered (after installing: update-binfmts --enable)");
        }

        if (handler is null)
        {
            return new BinfmtStatus(platform, false, null, null, $"{Fix}; no handler for {platform} in {directory}");
        }

        if (state == DirectoryState.Disabled)
        {
            return new BinfmtStatus(platform, false, handler.Name, handler.Interpreter,
                $"binfmt_misc is disabled ({directory}/status); fix: echo 1 > {directory}/status, then check that {handler.Name} is enabled");
        }

        if (!handler.Enabled)
        {
            return new BinfmtStatus(platform, false, handler.Name, handler.Interpreter,
                $"the handler {handler.Name} for {platform} in {directory} is disabled; fix: update-binfmts --enable {handler.Name} (or echo 1 > {directory}/{handler.Name})");
        }

        if (!handler.Flags.Contains('F', StringComparison.Ordinal))
        {
            return new BinfmtStatus(platform, false, handler.Name, handler.Interpreter,
                $"the handler {handler.Name} for {platform} lacks the F (fix-binary) flag, so containers cannot reach its interpreter {handler.Interpreter}; fix: {Fix} (both register it with F)");
        }

        return new BinfmtStatus(platform, true, handler.Name, handler.Interpreter,
            $"{platform} runs under emulation: {handler.Name} ({handler.Interpreter}, flags {handler.Flags})");
    }

    private static bool Handles(Entry entry, string architecture)
    {
        if (entry.Magic is { } magic && entry.Offset == 0)
        {
            var (elfClass, data, machine) = Elf[architecture];
            var header = new byte[20];
            "\u007fELF"u8.CopyTo(header);
            header[4] = elfClass;
            header[5] = data;
            header[6] = 1;
            // e_type ET_EXEC (2): the byte order decides where its low byte lies, like e_machine's.
            var (typeAt, machineAt) = data == 1 ? (16, 18) : (17, 19);
            header[typeAt] = 2;
            header[machineAt] = (byte)(machine & 0xff);
            header[data == 1 ? machineAt + 1 : machineAt - 1] = (byte)(machine >> 8);

            // The kernel compares (file & mask) with magic over the magic's length. A magic shorter
            // than the header up to e_machine does not say which machine it handles.
            if (magic.Length < header.Length)
            {
                return false;
            }

            for (var i = 0; i < header.Length; i++)
            {
                var mask = entry.Mask is { } m && i < m.Length ? m[i] : (byte)0xff;
                if ((header[i] & mask) != (magic[i] & mask))
                {
                    return false;
                }
            }

            return true;
        }

        return UsualNames.TryGetValue(architecture, out var names) && names.Contains(entry.Name, StringComparer.Ordinal);
    }

    private static List<Entry> ReadEntries(string directory, out DirectoryState state)
    {
        var status = Path.Combine(directory, "status");
        if (!File.Exists(status) || !File.Exists(Path.Combine(directory, "register")))
        {
            state = DirectoryState.NotMounted;
            return [];
        }

        state = ReadText(status)?.Trim() == "disabled" ? DirectoryState.Disabled : DirectoryState.Enabled;
        var entries = new List<Entry>();
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name is "status" or "register" || ReadText(file) is not { } text)
            {
                continue;
            }

            entries.Add(Parse(name, text));
        }

        return entries;
    }

    /// <summary>One entry's text, e.g. "enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n
    /// flags: PF\noffset 0\nmagic 7f454c46…\nmask ffffffff…".</summary>
    private static Entry Parse(string name, string text)
    {
        var enabled = false;
        string? interpreter = null;
        var flags = string.Empty;
        var offset = 0;
        byte[]? magic = null;
        byte[]? mask = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            switch (key)
            {
                case "enabled":
                    enabled = true;
                    break;
                case "interpreter":
                    interpreter = value;
                    break;
                case "flags:":
                    flags = value;
                    break;
                case "offset":
                    offset = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
                    break;
                case "magic":
                    magic = Hex(value);
                    break;
                case "mask":
                    mask = Hex(value);
                    break;
            }
        }

        return new Entry(name, enabled, interpreter, flags, offset, magic, mask);
    }

    private static byte[]? Hex(string text)
    {
        try
        {
            return text.Length % 2 == 0 ? Convert.FromHexString(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
