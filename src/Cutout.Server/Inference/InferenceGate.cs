using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cutout.Server.Inference;

/// <summary>Runs at most N inferences at once with a bounded queue in front; a full queue is refused at once.</summary>
public sealed class InferenceGate : IDisposable
{
    readonly ConcurrencyLimiter limiter;
    readonly int slots;

    public InferenceGate(IOptions<CutoutServerOptions> options)
    {
        slots = options.Value.MaxConcurrentInferences;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentInferences,
            QueueLimit = options.Value.MaxQueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Inferences holding a slot now.</summary>
    public int Running => slots - (int)(limiter.GetStatistics()?.CurrentAvailablePermits ?? slots);

    /// <summary>Requests waiting in the queue for a slot now.</summary>
    public int Queued => (int)(limiter.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>Waits for a slot, then runs <paramref name="work"/> on the thread pool.</summary>
    /// <exception cref="ServerBusyException">The queue is full.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired while waiting.</exception>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancel)
    {
        var lease = await limiter.AcquireAsync(1, cancel);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ServerBusyException();
        }

        // Inference cannot be interrupted: a caller that stops waiting leaves the slot taken until the work ends,
        // so the number of running inferences never exceeds the limit.
        var running = Task.Run(work, CancellationToken.None);
        _ = running.ContinueWith(_ => lease.Dispose(), CancellationToken.None,
                                 TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return await running.WaitAsync(cancel);
    }

    public void Dispose() => limiter.Dispose();
}

public sealed class ServerBusyException() : Exception("Every inference slot and queue place is taken.");
