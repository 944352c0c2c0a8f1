using System.Diagnostics.CodeAnalysis;

namespace Cutout.Video;

/// <summary>Hands over items numbered 0, 1, 2, ... in that order, whatever order the producers add them in.</summary>
sealed class InOrder<T> where T : class
{
    readonly Dictionary<int, T> _waiting = [];
    int _next;
    bool _complete;

    public void Add(int index, T item)
    {
        lock (_waiting)
        {
            _waiting.Add(index, item);
            Monitor.PulseAll(_waiting);
        }
    }

    /// <summary>No more items will come.</summary>
    public void Complete()
    {
        lock (_waiting)
        {
            _complete = true;
            Monitor.PulseAll(_waiting);
        }
    }

    /// <summary>Waits for the next item in order; false once <see cref="Complete"/> was called and all were taken.</summary>
    public bool TryTakeNext([MaybeNullWhen(false)] out T item, CancellationToken cancel)
    {
        using var wake = cancel.Register(() => { lock (_waiting) Monitor.PulseAll(_waiting); });
        lock (_waiting)
        {
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                if (_waiting.Remove(_next, out item))
                {
                    _next++;
                    return true;
                }
                if (_complete)
                    return _waiting.Count == 0 ? false : throw new InvalidOperationException($"Item {_next} never came.");
                Monitor.Wait(_waiting);
            }
        }
    }
}
