using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Cutout.Video;

/// <summary>
/// The stages of <see cref="VideoRemover"/>, overlapped so that no core waits for a batch to fill: a decoding thread,
/// one predicting thread per parallel frame (the model, the costly part), the in-order steps (smoothing, refine, render,
/// flicker) on the calling thread, and an encoding thread. Queues between them are bounded and at most
/// <see cref="InFlight"/> frames are decoded and not yet finished, so the pooled frame buffers stay few.
/// The first failure of any stage stops all of them and is the one reported; cancelling throws <see cref="OperationCanceledException"/>.
/// </summary>
sealed class FramePipeline(VideoFrameReader reader, IFrameSink sink, FrameSteps steps, VideoInfo info, int parallel)
{
    /// <summary>Frames between decode and finish: one predicting per thread, as many queued behind them, and two in order.</summary>
    int InFlight => 2 * parallel + 2;

    readonly BufferPool<byte> _inputs = new(reader.FrameBytes);
    readonly BufferPool<byte> _outputs = new(steps.OutputBytes);
    Exception? _failure;

    /// <summary>Runs the clip through; <paramref name="finished"/> is told the count after each frame. Returns the frames done.</summary>
    public int Run(Action<int> finished, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var window = new SemaphoreSlim(InFlight);
        using var decoded = new BlockingCollection<VideoFrame>(boundedCapacity: parallel);
        using var encoded = new BlockingCollection<byte[]>(boundedCapacity: parallel);
        var predicted = new InOrder<VideoFrame>();
        var predicting = parallel;
        var stages = new List<Task>
        {
            Stage(stop, () => Decode(decoded, window, stop.Token), then: decoded.CompleteAdding),
            Stage(stop, () => Encode(encoded, stop.Token)),
        };
        for (var i = 0; i < parallel; i++)
            stages.Add(Stage(stop, () => Predict(decoded, predicted, stop.Token),
                then: () => { if (Interlocked.Decrement(ref predicting) == 0) predicted.Complete(); }));
        var done = 0;
        try
        {
            while (predicted.TryTakeNext(out var frame, stop.Token))
            {
                var output = _outputs.Rent();
                steps.Finish(frame, output);
                _inputs.Return(frame.Photo.Rgba);
                window.Release();
                encoded.Add(output, stop.Token);
                finished(++done);
            }
            stop.Token.ThrowIfCancellationRequested();   // a failed stage ends the others early
            encoded.CompleteAdding();
            Task.WaitAll(stages);
            stop.Token.ThrowIfCancellationRequested();
            return done;
        }
        catch (Exception first)
        {
            stop.Cancel();
            reader.Dispose();   // a decoder blocked on ffmpeg's stdout returns once its ffmpeg is gone
            encoded.CompleteAdding();
            Task.WaitAll([.. stages.Select(s => s.ContinueWith(_ => { }))]);
            if (cancel.IsCancellationRequested) throw new OperationCanceledException(cancel);
            if (first is OperationCanceledException && _failure is { } failure) ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    void Decode(BlockingCollection<VideoFrame> decoded, SemaphoreSlim window, CancellationToken stop)
    {
        for (var index = 0; ; index++)
        {
            window.Wait(stop);
            var rgba = _inputs.Rent();
            if (!reader.Next(rgba))
            {
                _inputs.Return(rgba);
                return;
            }
            decoded.Add(new VideoFrame(index, new Photo(info.Width, info.Height, rgba)), stop);
        }
    }

    void Predict(BlockingCollection<VideoFrame> decoded, InOrder<VideoFrame> predicted, CancellationToken stop)
    {
        foreach (var frame in decoded.GetConsumingEnumerable(stop))
        {
            steps.Predict(frame);
            predicted.Add(frame.Index, frame);
        }
    }

    void Encode(BlockingCollection<byte[]> encoded, CancellationToken stop)
    {
        foreach (var pixels in encoded.GetConsumingEnumerable(stop))
        {
            sink.Write(pixels);
            _outputs.Return(pixels);
        }
    }

    /// <summary>A stage on its own thread (they block on pipes and queues); its failure is recorded and stops the rest.</summary>
    Task Stage(CancellationTokenSource stop, Action work, Action? then = null) =>
        Task.Factory.StartNew(() =>
        {
            try { work(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
                stop.Cancel();
            }
            finally { then?.Invoke(); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
