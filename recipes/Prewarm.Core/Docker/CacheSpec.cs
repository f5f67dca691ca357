namespace Prewarm.Core.Docker;

/// <summary>
/// A <c>--cache-from</c>/<c>--cache-to</c> value: <c>type=registry,ref=…,mode=max</c>,
/// <c>type=local,src=…|dest=…</c>, <c>type=gha</c>, <c>type=inline</c>. A bare image reference
/// means <c>type=registry,ref=…</c>; a registry or gha export gets <c>mode=max</c> unless told,
/// so the intermediate (warmup) layers are cached too, not only the final one.
/// </summary>
public sealed record CacheSpec(string Type, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    private static readonly string[] KnownTypes = ["registry", "local", "gha", "inline", "s3", "azblob"];

    public static CacheSpec Parse(string value, bool export)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new PrewarmException("Empty cache specification.");
        }

        if (!text.Contains('='))
        {
            text = $"type=registry,ref={text}";
        }

        var attributes = new List<KeyValuePair<string, string>>();
        string? type = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new PrewarmException($"Cache specification '{value}': '{part}' is not key=value.");
            }

            var key = part[..equals];
            var val = part[(equals + 1)..];
            if (key == "type")
            {
                type = val;
            }
            else
            {
                attributes.Add(new(key, val));
            }
        }

        type ??= "registry";
        if (!KnownTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new PrewarmException($"Cache specification '{value}': unknown type '{type}' (expected {string.Join(", ", KnownTypes)}).");
        }

        if (type == "registry" && attributes.All(a => a.Key != "ref"))
        {
            throw new PrewarmException($"Cache specification '{value}': type=registry needs ref=IMAGE.");
        }

        if (type == "local" && attributes.All(a => a.Key != (export ? "dest" : "src")))
        {
            throw new PrewarmException($"Cache specification '{value}': type=local needs {(export ? "dest" : "src")}=DIR.");
        }

        if (export && type is "registry" or "gha" or "local" && attributes.All(a => a.Key != "mode"))
        {
            attributes.Add(new("mode", "max"));
        }

        return new CacheSpec(type, attributes);
    }

    public string? Get(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;

    public override string ToString() =>
        string.Join(',', new[] { $"type={Type}" }.Concat(Attributes.Select(a => $"{a.Key}={a.Value}")));
}
