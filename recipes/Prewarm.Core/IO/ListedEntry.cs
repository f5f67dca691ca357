namespace Prewarm.Core.IO;

/// <summary>One entry of a directory listing with what the listing itself tells of it.</summary>
/// <param name="FullPath">The entry's path (the listed directory's path joined with its name).</param>
/// <param name="IsDirectory">A directory, or a symbolic link to one.</param>
/// <param name="IsLink">A symbolic link; known for directories only (false for every other entry),
/// since telling it for a file takes a call of its own.</param>
internal readonly record struct ListedEntry(string FullPath, bool IsDirectory, bool IsLink);
