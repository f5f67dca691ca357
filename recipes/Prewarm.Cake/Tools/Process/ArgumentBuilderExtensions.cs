namespace Prewarm.Cake.Tools.Process;

/// <summary>The switch shapes settings classes append: a flag when on, an option when set.</summary>
internal static class ArgumentBuilderExtensions
{
    public static ProcessArgumentBuilder AppendFlag(this ProcessArgumentBuilder args, bool on, string flag) =>
        on ? args.Append(flag) : args;

    /// <summary><c>NAME "VALUE"</c>, nothing when the value is null or empty.</summary>
    public static ProcessArgumentBuilder AppendOption(this ProcessArgumentBuilder args, string name, string? value) =>
        string.IsNullOrEmpty(value) ? args : args.Append(name).AppendQuoted(value);

    /// <summary><c>NAME N</c>, nothing when the value is null.</summary>
    public static ProcessArgumentBuilder AppendOption(this ProcessArgumentBuilder args, string name, int? value) =>
        value is { } number ? args.Append(name).Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : args;

    /// <summary><c>NAME "VALUE"</c> for each value.</summary>
    public static ProcessArgumentBuilder AppendOptions(this ProcessArgumentBuilder args, string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            args.Append(name).AppendQuoted(value);
        }

        return args;
    }

    /// <summary><c>NAME a,b</c> unquoted (a list of keywords), nothing when empty.</summary>
    public static ProcessArgumentBuilder AppendJoined(this ProcessArgumentBuilder args, string name, IEnumerable<string> values)
    {
        var joined = string.Join(',', values);
        return joined.Length == 0 ? args : args.Append(name).Append(joined);
    }

    /// <summary>Arguments spelled elsewhere (a <c>BuildIdentity</c>'s), in order: switches as they are, values quoted.</summary>
    public static ProcessArgumentBuilder AppendSpelled(this ProcessArgumentBuilder args, IEnumerable<string> spelled)
    {
        foreach (var word in spelled)
        {
            if (word.StartsWith('-'))
            {
                args.Append(word);
            }
            else
            {
                args.AppendQuoted(word);
            }
        }

        return args;
    }
}
