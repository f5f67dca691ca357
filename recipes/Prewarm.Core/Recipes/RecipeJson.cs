using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Prewarm.Core.Recipes;

/// <summary>Writes and reads cargo-chef's <c>recipe.json</c>
/// (<c>{"skeleton":{"manifests":[…],"config_file","lock_file","rust_toolchain_file"}}</c>)
/// byte-for-byte deterministically: fixed member order, '\n' newlines, no timestamps or absolute paths.</summary>
public static class RecipeJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Recipe recipe)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
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
            WriteNullableString(json, "config_file", recipe.ConfigFile);
            WriteNullableString(json, "lock_file", recipe.LockFile);
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

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Lower-case hex SHA-256 of the serialised recipe: the recipe's identity in build-env.json.</summary>
    public static string Sha256(string serialized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serialized)));

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

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
