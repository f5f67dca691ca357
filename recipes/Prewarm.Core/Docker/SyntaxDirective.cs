using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>The <c># syntax=</c> parser directive at the top of a Dockerfile.</summary>
public static partial class SyntaxDirective
{
    /// <summary>The frontend image the directive names, or null when there is none.</summary>
    public static string? Find(string dockerfile)
    {
        foreach (var line in dockerfile.Split('\n'))
        {
            var match = Directive().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            if (!line.StartsWith('#'))
            {
                return null;   // directives are only read before the first instruction or blank line
            }
        }

        return null;
    }

    /// <summary>The Dockerfile with the directive line replaced by a comment saying so, for an
    /// engine that builds with its built-in frontend because it cannot fetch the named one.</summary>
    public static string Drop(string dockerfile)
    {
        var image = Find(dockerfile);
        return image is null
            ? dockerfile
            : Directive().Replace(dockerfile, $"# (syntax directive {image} dropped: built with the engine's built-in Dockerfile frontend)", 1);
    }

    [GeneratedRegex(@"^#\s*syntax\s*=\s*(\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Directive();
}
