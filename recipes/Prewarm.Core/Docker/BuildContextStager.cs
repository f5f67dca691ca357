using System.Security.Cryptography;
using System.Text;
using Prewarm.Core.IO;

namespace Prewarm.Core.Docker;

/// <summary>
/// Stages the build context: the warmup tiers, the skeleton, the repository's cargo config and its
/// sources, each in the directory the Dockerfile COPYs from. It synchronises rather than rewrites:
/// a file is written only when its content changed and stale files are removed, so the files of an
/// unchanged recipe keep every attribute BuildKit hashes and their COPY layers stay cached.
/// </summary>
public sealed class BuildContextStager
{
    private readonly string _context;
    private readonly HashSet<string> _expected = new(StringComparer.Ordinal);

    public BuildContextStager(string contextDirectory) => _context = Path.GetFullPath(contextDirectory);

    public StagingResult Result { get; } = new();

    /// <summary>Mirrors <paramref name="sourceDirectory"/> into <paramref name="relativeTarget"/>,
    /// skipping directories named in <paramref name="excludedDirectoryNames"/> and any directory
    /// in <paramref name="excludedPaths"/> (absolute). With <paramref name="underOverlay"/>, a file staged
    /// before (an overlay written first, such as a member-scoped workspace root) is kept instead.</summary>
    public void AddDirectory(string sourceDirectory, string relativeTarget, IReadOnlyCollection<string>? excludedDirectoryNames = null, IReadOnlyCollection<string>? excludedPaths = null, bool underOverlay = false)
    {
        var root = Path.GetFullPath(sourceDirectory);
        var excludedNames = excludedDirectoryNames ?? [];
        var excluded = (excludedPaths ?? []).Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))).ToHashSet(StringComparer.Ordinal);
        excluded.Add(_context);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.LinkTarget is not null && entry is DirectoryInfo)
                {
                    continue;   // a symlinked directory may point anywhere, even at an ancestor
                }

                if (entry is DirectoryInfo)
                {
                    var full = Path.TrimEndingDirectorySeparator(entry.FullName);
                    if (!excludedNames.Contains(entry.Name, StringComparer.Ordinal) && !excluded.Contains(full)
                        && !FullPaths.IsSameOrInside(full, _context))
                    {
                        pending.Push(entry.FullName);
                    }

                    continue;
                }

                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (!(underOverlay && _expected.Contains($"{relativeTarget}/{relative}")))
                {
                    AddFile(entry.FullName, $"{relativeTarget}/{relative}");
                }
            }
        }
    }

    public void AddFile(string sourceFile, string relativeTarget) =>
        Write(relativeTarget, File.ReadAllBytes(sourceFile), IsExecutable(sourceFile));

    public void AddText(string relativeTarget, string content) =>
        Write(relativeTarget, Encoding.UTF8.GetBytes(content), executable: false);

    /// <summary>Deletes every staged file this run did not add, and directories left empty.</summary>
    public StagingResult Finish()
    {
        if (Directory.Exists(_context))
        {
            foreach (var file in Directory.EnumerateFiles(_context, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
            {
                var relative = Path.GetRelativePath(_context, file).Replace('\\', '/');
                if (!_expected.Contains(relative))
                {
                    File.Delete(file);
                    Result.Deleted.Add(relative);
                }
            }

            foreach (var directory in Directory.EnumerateDirectories(_context, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
        }

        return Result;
    }

    private void Write(string relativeTarget, byte[] content, bool executable)
    {
        if (!_expected.Add(relativeTarget))
        {
            throw new PrewarmException($"{Path.Combine(_context, relativeTarget)}: staged twice.");
        }

        var target = Path.Combine(_context, relativeTarget);
        if (File.Exists(target) && SameBytes(target, content))
        {
            Result.Unchanged++;
        }
        else
        {
            IO.AtomicFile.WriteAllBytes(target, content);
            Result.Written.Add(relativeTarget);
        }

        // The mode is part of what BuildKit hashes: keep it fixed (0644/0755) rather than inherited.
        var mode = executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(target) != mode)
        {
            File.SetUnixFileMode(target, mode);
        }
    }

    private static bool SameBytes(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream).AsSpan().SequenceEqual(SHA256.HashData(content));
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
