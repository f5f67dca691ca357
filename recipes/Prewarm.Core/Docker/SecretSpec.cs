namespace Prewarm.Core.Docker;

/// <summary>
/// A <c>--secret</c> value, <c>id=NAME,src=FILE</c> or <c>id=NAME,env=VARIABLE</c>: mounted into a
/// RUN step with <c>--mount=type=secret</c>, never stored in the image, unlike a build arg.
/// </summary>
public sealed record SecretSpec(string Id, string? Source, string? Environment)
{
    public static SecretSpec Parse(string value)
    {
        string? id = null, src = null, env = null;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals];
            var val = equals < 0 ? string.Empty : part[(equals + 1)..];
            switch (key)
            {
                case "id": id = val; break;
                case "src" or "source": src = val; break;
                case "env": env = val; break;
                case "type" when val is "file" or "env": break;
                default: throw new PrewarmException($"--secret: unknown key '{key}' (expected id=NAME,src=FILE or id=NAME,env=VARIABLE).");
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new PrewarmException("--secret: missing id=NAME (expected id=NAME,src=FILE or id=NAME,env=VARIABLE).");
        }

        if (src is null && env is null)
        {
            src = id;   // buildx's own default: a file named like the id
        }

        return new SecretSpec(id, src, env);
    }

    public override string ToString() => Environment is not null ? $"id={Id},env={Environment}" : $"id={Id},src={Source}";
}
