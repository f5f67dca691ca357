namespace Prewarm.Core.Cargo;

/// <summary>A 1-based line and column in a TOML file, as error messages print them.</summary>
public readonly record struct TomlPosition(int Line, int Column);
