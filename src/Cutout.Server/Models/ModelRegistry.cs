using System.Collections.Concurrent;

namespace Cutout.Server.Models;

/// <summary>Loads each model on first use and shares it; a failed load is retried by the next request.</summary>
public sealed class ModelRegistry(ModelLoader load) : IDisposable
{
    readonly ConcurrentDictionary<string, Lazy<IRemovalModel>> models = new(StringComparer.OrdinalIgnoreCase);

    public IRemovalModel Get(string name)
    {
        var entry = models.GetOrAdd(name, n => new Lazy<IRemovalModel>(() => load(n)));
        try
        {
            return entry.Value;
        }
        catch
        {
            models.TryRemove(KeyValuePair.Create(name, entry));
            throw;
        }
    }

    public bool IsLoaded(string name) => models.TryGetValue(name, out var entry) && entry.IsValueCreated;

    public void Dispose()
    {
        foreach (var entry in models.Values)
            if (entry.IsValueCreated) entry.Value.Dispose();
        models.Clear();
    }
}
