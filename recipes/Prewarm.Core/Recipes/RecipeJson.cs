using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prewarm.Core.IO;

namespace Prewarm.Core.Recipes;

/// <summary>Writes and reads cargo-chef's <c>recipe.json</c>
/// (<c>{"skeleton":{"manifests":[…],"config_file","lock_file","rust_toolchain_file"}}</c>)
/// byte-for-byte deterministically: fixed member order, '\n' newlines, no timestamps or absolute paths.</summary>
public static class RecipeJson
{
    /// <summary>Said in the recipe beside <c>patched_sources</c>, which cargo-chef does not know.</summary>
    public const string PatchedSourcesNote =
        "cargo-chef's `cargo chef cook` ignores patched_sources and writes these [patch]/[replace] crates as dummies, "
        + "so a registry crate compiled against one fails; build this skeleton with Prewarm's Cook or its skeleton directory instead";

    public static string Serialize(Recipe recipe) => Encoding.UTF8.GetString(SerializeUtf8(recipe));

    /// <summary><see cref="Serialize"/>'s text as the UTF-8 bytes written to recipe.json (and hashed):
    /// a large repository's recipe is megabytes, not worth decoding only to encode it again.</summary>
    public static byte[] SerializeUtf8(Recipe recipe)
    {
        // Written straight into one buffer sized for the texts it carries (escaping adds a little), so it
        // rarely grows; a writer over a stream would buffer the whole document a second time.
        var estimate = recipe.Manifests.Sum(m => m.Contents.Length + 64 * (m.Targets.Count + 1)) + (recipe.LockFile?.Length ?? 0);
        // The writer asks for room for a string's worst case (3 UTF-8 bytes per char once escaped) before
        // writing it: without that slack the lockfile, written last, doubles a buffer of megabytes.
        var longest = Math.Max(recipe.LockFile?.Length ?? 0, recipe.Manifests.Count == 0 ? 0 : recipe.Manifests.Max(m => m.Contents.Length));
        var buffer = new ArrayBufferWriter<byte>(estimate + estimate / 8 + 4096 + 3 * (longest + longest / 8));
        using (var json = new Utf8JsonWriter(buffer, JsonStyle.Writer))
        {
            json.WriteStartObject();
            json.WriteStartObject("skeleton");
            json.WriteStartArray("manifests");
            foreach (var manifest in recipe.Manifests)
            {
                json.WriteStartObject();
                json.WriteString("relative_path", manifest.RelativePath);
                json.WriteString("contents", manifest.Contents);
                json.WriteStartArray("targets");
                foreach (var target in manifest.Targets)
                {
                    json.WriteStartObject();
                    json.WriteString("path", target.Path);
                    WriteKind(json, target.Kind);
                    json.WriteString("name", target.Name);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            // WriteString writes null for a null value: cargo-chef's None.
            json.WriteString("config_file", recipe.ConfigFile);
            json.WriteString("lock_file", recipe.LockFile);
            if (recipe.RustToolchainFile is { } toolchain)
            {
                // cargo-chef's (RustToolchainFile, String) tuple: ["Toml", "…"] or ["Bare", "…"].
                json.WriteStartArray("rust_toolchain_file");
                json.WriteStringValue(toolchain.IsToml ? "Toml" : "Bare");
                json.WriteStringValue(toolchain.Contents);
                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("rust_toolchain_file");
            }

            // Not cargo-chef's (it ignores unknown fields): written only when a [patch] path package exists.
            // A file that is not UTF-8 text has "base64" in place of "contents".
            if (recipe.PatchedSources.Count + recipe.PatchedBinaries.Count > 0)
            {
                json.WriteString("patched_sources_note", PatchedSourcesNote);
                json.WriteStartArray("patched_sources");
                var files = recipe.PatchedSources.Select(f => (Path: f.Key, Key: "contents", Value: f.Value))
                    .Concat(recipe.PatchedBinaries.Select(f => (Path: f.Key, Key: "base64", Value: f.Value)));
                foreach (var (path, key, value) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("path", path);
                    json.WriteString(key, value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            // Not cargo-chef's either: written only when a directory below the root has its own.
            if (recipe.NestedConfigFiles.Count > 0)
            {
                json.WriteStartArray("nested_config_files");
                foreach (var (path, contents) in recipe.NestedConfigFiles)
                {
                    json.WriteStartObject();
                    json.WriteString("path", path);
                    json.WriteString("contents", contents);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static SortedDictionary<string, string> PatchedEntries(JsonElement skeleton, string key) =>
        new(skeleton.TryGetProperty("patched_sources", out var patched)
                ? patched.EnumerateArray().Where(f => f.TryGetProperty(key, out _)).ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty(key).GetString()!)
                : [],
            StringComparer.Ordinal);

    /// <summary>Reads a recipe.json (ours or cargo-chef's); <paramref name="file"/> names it in errors.
    /// Lockfiles of nested workspaces are not part of the format and come back empty.</summary>
    public static Recipe Deserialize(string text, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var skeleton = document.RootElement.GetProperty("skeleton");
            var manifests = skeleton.GetProperty("manifests").EnumerateArray().Select(m => new RecipeManifest(
                m.GetProperty("relative_path").GetString()!,
                m.GetProperty("contents").GetString()!,
                m.TryGetProperty("targets", out var targets)
                    ? targets.EnumerateArray().Select(ReadTarget).ToList()
                    : [])).ToList();
            var toolchain = skeleton.TryGetProperty("rust_toolchain_file", out var pin) && pin.ValueKind == JsonValueKind.Array
                ? new RustToolchainFile(pin[0].GetString() == "Toml", pin[1].GetString()!)
                : null;
            return new Recipe
            {
                Manifests = manifests,
                ConfigFile = OptionalString(skeleton, "config_file"),
                LockFile = OptionalString(skeleton, "lock_file"),
                RustToolchainFile = toolchain,
                PatchedSources = PatchedEntries(skeleton, "contents"),
                PatchedBinaries = PatchedEntries(skeleton, "base64"),
                NestedConfigFiles = new SortedDictionary<string, string>(
                    skeleton.TryGetProperty("nested_config_files", out var nested)
                        ? nested.EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("contents").GetString()!)
                        : [],
                    StringComparer.Ordinal),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new PrewarmException($"{file}: not a valid recipe.json: {e.Message}", e);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the serialised recipe: the recipe's identity in build-env.json.</summary>
    public static string Sha256(string serialized) => Sha256(Encoding.UTF8.GetBytes(serialized));

    /// <summary><see cref="Sha256(string)"/> of the serialised recipe's UTF-8 bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> serialized) => Convert.ToHexStringLower(SHA256.HashData(serialized));

    private static RecipeTarget ReadTarget(JsonElement target)
    {
        var kind = target.GetProperty("kind");
        var parsed = kind.ValueKind == JsonValueKind.Object
            ? kind.GetProperty("Lib").GetProperty("is_proc_macro").GetBoolean() ? RecipeTargetKind.ProcMacro : RecipeTargetKind.Lib
            : Enum.Parse<RecipeTargetKind>(kind.GetString()!);
        return new RecipeTarget(target.GetProperty("path").GetString()!, parsed, target.GetProperty("name").GetString()!);
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteKind(Utf8JsonWriter json, RecipeTargetKind kind)
    {
        // cargo-chef: Lib is a struct variant {"Lib":{"is_proc_macro":bool}}, the rest unit variants.
        if (kind is RecipeTargetKind.Lib or RecipeTargetKind.ProcMacro)
        {
            json.WriteStartObject("kind");
            json.WriteStartObject("Lib");
            json.WriteBoolean("is_proc_macro", kind == RecipeTargetKind.ProcMacro);
            json.WriteEndObject();
            json.WriteEndObject();
            return;
        }

        json.WriteString("kind", kind.ToString());
    }
}
