using System.Runtime.ExceptionServices;

namespace Prewarm.Core;

/// <summary>Maps a list on all cores and keeps its order, for independent per-file work of a large
/// repository (parsing, normalising manifests). The first item runs alone first, so a library's lazily
/// built shared state (Tomlyn's serializer options) is set up before threads use it; a failure surfaces
/// as itself (the first in list order), as it would from a plain loop.</summary>
internal static class OrderedParallel
{
    public static List<TResult> Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> map)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var results = new TResult[items.Count];
        var errors = new Exception?[items.Count];
        results[0] = map(items[0]);
        Parallel.For(1, items.Count, i =>
        {
            try
            {
                results[i] = map(items[i]);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return [.. results];
    }
}
