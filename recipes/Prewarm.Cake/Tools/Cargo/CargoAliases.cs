namespace Prewarm.Cake.Tools.Cargo;

/// <summary>cargo from a Cake script. A failed command throws one line naming it.</summary>
[CakeAliasCategory("Cargo")]
public static class CargoAliases
{
    /// <summary><c>cargo build</c>; with <c>MessageFormat = "json"</c> the result's <see cref="ToolResult.Output"/> is cargo's JSON messages.</summary>
    [CakeMethodAlias]
    public static ToolResult CargoBuild(this ICakeContext context, CargoBuildSettings settings) => Cargo(context).Build(settings);

    /// <summary><c>cargo tree</c>'s output (by default <c>--prefix depth --format {p}</c>, what <c>PrewarmCheckCargoTree</c> reads).</summary>
    [CakeMethodAlias]
    public static string CargoTree(this ICakeContext context, CargoTreeSettings settings) => Cargo(context).Tree(settings);

    /// <summary><c>cargo metadata --format-version 1</c>'s JSON.</summary>
    [CakeMethodAlias]
    public static string CargoMetadata(this ICakeContext context, CargoMetadataSettings settings) => Cargo(context).Metadata(settings);

    private static CargoTool Cargo(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);
}
