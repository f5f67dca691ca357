using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>The document the scan parsed from a manifest's text, handed once to whoever asks for a
/// mutable parse (the skeleton normalises it in place): a 1,500-package workspace then parses each
/// manifest once, not once per stage. Copies of the manifest share the slot, so only one gets it.</summary>
internal sealed class ParsedDocumentSlot(TomlTable document)
{
    private TomlTable? _document = document;

    /// <summary>The document the first time, null after.</summary>
    public TomlTable? Take() => Interlocked.Exchange(ref _document, null);
}
