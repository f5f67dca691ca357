namespace Prewarm.Core.Verification;

/// <summary>A target of a workspace member; <see cref="SourcePath"/> is relative to the workspace root, '/'-separated.</summary>
public sealed record WorkspaceTarget(string Package, string Name, IReadOnlyList<string> Kinds, string SourcePath)
{
    /// <summary>A library-like target (lib, rlib, proc-macro …) whose stub is an empty file, rather than a <c>fn main</c>.</summary>
    public bool IsLibrary => Kinds.Any(k => k is "lib" or "rlib" or "dylib" or "cdylib" or "staticlib" or "proc-macro");
}
