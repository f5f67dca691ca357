namespace Prewarm.Core.Recipes;

/// <summary>The files of <c>[patch]</c>/<c>[replace]</c> path packages by repository-relative path:
/// UTF-8 text as it is, anything else (test data, tables a crate includes with <c>include_bytes!</c>)
/// in base64.</summary>
public sealed record PatchedFiles(SortedDictionary<string, string> Text, SortedDictionary<string, string> Base64);
